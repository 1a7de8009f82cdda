package org.kunnafoni.web;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Small helpers every JSON route shares: answers, errors, bodies, and bringing async results back to Vert.x. */
public final class Api {
    private static final Logger LOG = LoggerFactory.getLogger(Api.class);

    private Api() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        String encoded = body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(encoded);
    }

    public static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message));
    }

    /** The request body as a JSON object, or a 400 answer and null. */
    public static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
            if (body == null) {
                error(ctx, 400, "a JSON object body is required");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            error(ctx, 400, "the body is not a JSON object");
            return null;
        }
    }

    /** Runs {@code then} on the request's context once the stage completes; failures become a logged 500. */
    public static <T> void await(RoutingContext ctx, CompletionStage<T> stage, Consumer<T> then) {
        Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext())
                .onSuccess(then::accept)
                .onFailure(error -> {
                    LOG.error("{} {} failed: {}", ctx.request().method(), ctx.request().path(), error.toString());
                    if (!ctx.response().ended()) {
                        error(ctx, 503, "temporarily unavailable");
                    }
                });
    }

    /** The caller's address for the audit log and login throttling (see {@link ClientAddress}: proxies). */
    public static String address(RoutingContext ctx) {
        String client = ctx.get(ClientAddress.KEY);
        if (client != null) {
            return client;
        }
        return ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    }
}
