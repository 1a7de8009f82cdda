package org.kunnafoni.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.web.auth.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for every routing failure (thrown exceptions, body limits, malformed input Vert.x refused):
 * a short generic answer — JSON under {@code /api}, plain text elsewhere — with a correlation id that is also
 * in the log line, so an operator can find the stack trace without the client ever seeing it.
 */
final class ErrorAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);
    static final String ID_HEADER = "X-Error-Id";

    private ErrorAnswers() {
    }

    static void answer(RoutingContext ctx) {
        int status = ctx.statusCode() >= 400 && ctx.statusCode() <= 599 ? ctx.statusCode() : 500;
        String id = Tokens.random().substring(0, 12);
        // The path only: query strings can carry search terms or tokens, and exception texts stay in the log.
        if (status >= 500) {
            LOG.error("error {}: {} {} failed", id, ctx.request().method(), ctx.request().path(), ctx.failure());
        } else {
            LOG.debug("error {}: {} {} refused with {}", id, ctx.request().method(), ctx.request().path(), status);
        }
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        String text = text(status);
        ctx.response().setStatusCode(status).putHeader(ID_HEADER, id).putHeader("Cache-Control", "no-store");
        if (ctx.request().path() != null && ctx.request().path().startsWith("/api/")) {
            ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(new JsonObject().put("error", text).put("error_id", id).encode());
        } else {
            ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(text + " (error " + id + ")\n");
        }
    }

    static String text(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "log in first";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request body too large";
            case 415 -> "unsupported media type";
            default -> status >= 500 ? "internal error" : "request refused";
        };
    }
}
