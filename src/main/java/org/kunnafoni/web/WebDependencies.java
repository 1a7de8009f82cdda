package org.kunnafoni.web;

import org.kunnafoni.channel.relay.RelayWebhook;
import org.kunnafoni.channel.twilio.TwilioSmsWebhook;

import java.time.Duration;

/** What the HTTP layer needs, built once by the application wiring and shared by every HTTP verticle. */
public record WebDependencies(
        String host,
        int port,
        int bodyLimit,
        Duration shutdownGrace,
        TwilioSmsWebhook twilio,
        RelayWebhook relay,
        OperationsRoutes operations,
        java.util.List<ApiModule> apiModules,
        java.util.List<RootModule> rootModules,
        java.net.URI publicUrl,
        java.util.List<String> trustedProxies) {
    public WebDependencies {
        trustedProxies = trustedProxies == null ? java.util.List.of() : java.util.List.copyOf(trustedProxies);
    }

    /** Without a public URL or proxies (tests of the HTTP layer alone): no HSTS, no forwarded addresses. */
    public WebDependencies(String host, int port, int bodyLimit, Duration shutdownGrace, TwilioSmsWebhook twilio,
                           RelayWebhook relay, OperationsRoutes operations, java.util.List<ApiModule> apiModules,
                           java.util.List<RootModule> rootModules) {
        this(host, port, bodyLimit, shutdownGrace, twilio, relay, operations, apiModules, rootModules, null, null);
    }
}
