package org.kunnafoni.channel.twilio;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.kunnafoni.web.RootModule;

/** Mounts Twilio's delivery status callbacks with the same small form body limit as the inbound webhook. */
public final class TwilioStatusRoutes implements RootModule {
    private final TwilioStatusWebhook webhook;
    private final int bodyLimit;

    public TwilioStatusRoutes(TwilioStatusWebhook webhook, int bodyLimit) {
        this.webhook = webhook;
        this.bodyLimit = bodyLimit;
    }

    @Override
    public void mount(Router root) {
        root.post(TwilioStatusWebhook.PATH).handler(BodyHandler.create(false).setBodyLimit(bodyLimit)).handler(webhook);
    }
}
