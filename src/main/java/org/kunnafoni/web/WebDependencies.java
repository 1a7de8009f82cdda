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
        RequestLimits limits,
        RequestLimiter limiter,
        java.net.URI publicUrl) {
}
