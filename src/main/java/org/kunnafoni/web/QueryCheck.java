package org.kunnafoni.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses with 400 a query string that cannot be percent-decoded ({@code %G1}, a trailing {@code %}). Vert.x
 * decodes the query lazily and throws from the first {@code getParam}, deep inside a route, which would
 * otherwise surface as a 500; decoding it once here makes every later read safe.
 */
final class QueryCheck implements Handler<RoutingContext> {
    @Override
    public void handle(RoutingContext ctx) {
        try {
            ctx.request().params();
            ctx.queryParams();
        } catch (IllegalArgumentException e) {
            ctx.fail(400);
            return;
        }
        ctx.next();
    }
}
