package org.kunnafoni.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The largest body each route group takes, checked against {@code Content-Length} before anything is read, so an
 * oversized upload is refused with 413 at once on every route. Routes that read a body also stop a chunked body
 * at the same limit (their BodyHandler); routes that take no body never read one.
 */
final class BodyLimits implements Handler<RoutingContext> {
    static final int API = 64 * 1024;
    static final int API_IMPORT = SubscriberRoutes.IMPORT_BODY_LIMIT;
    static final int PARTNER = 2048;
    /** Health, metrics, the dashboard's files and unknown paths take no body at all. */
    static final int NONE = 0;

    private final int channelLimit;

    BodyLimits(int channelLimit) {
        this.channelLimit = channelLimit;
    }

    int limitFor(String path) {
        if (path.startsWith("/channels/")) {
            return channelLimit;
        }
        if (path.equals("/api/subscribers/import")) {
            return API_IMPORT;
        }
        if (path.startsWith("/api/")) {
            return API;
        }
        if (path.startsWith("/partner/")) {
            return PARTNER;
        }
        return NONE;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null && tooLarge(declared.strip(), limitFor(ctx.normalizedPath()))) {
            ctx.fail(413);
            return;
        }
        ctx.next();
    }

    /** A length that does not parse is left to the HTTP codec, which refuses it. */
    private static boolean tooLarge(String declared, int limit) {
        try {
            return Long.parseLong(declared) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
