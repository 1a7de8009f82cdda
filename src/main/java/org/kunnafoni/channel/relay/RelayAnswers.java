package org.kunnafoni.channel.relay;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON answers in SMSSync's shapes, and the request body read leniently (an empty body is no body). */
final class RelayAnswers {
    private RelayAnswers() {
    }

    /** A POST body: {@code json} is null when the body was empty or malformed. */
    record Body(JsonObject json, boolean malformed) {
        static final Body EMPTY = new Body(null, false);
    }

    static Body jsonBody(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            return Body.EMPTY;
        }
        try {
            Object value = ctx.body().asJsonObject();
            return value instanceof JsonObject json ? new Body(json, false) : new Body(null, true);
        } catch (RuntimeException e) {
            return isForm(ctx) ? Body.EMPTY : new Body(null, true);
        }
    }

    /** Credentials may come as form fields; such a body is not JSON and not malformed either. */
    private static boolean isForm(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    static JsonObject success() {
        return new JsonObject().put("payload", new JsonObject().put("success", true).putNull("error"));
    }

    static void failure(RoutingContext ctx, int status, String error) {
        json(ctx, status, new JsonObject().put("payload", new JsonObject().put("success", false).put("error", error)));
    }

    static void json(RoutingContext ctx, int status, JsonObject answer) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(answer.encode());
    }
}
