package org.kunnafoni.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The monitor dashboard: static files from the class path folder {@code webroot}, index at {@code /}. Never
 * answers under {@code /api/} (the contract file in {@code webroot/api} is the API's to serve), never lists
 * folders. Files carry Last-Modified but {@code Cache-Control: no-cache}: names are not fingerprinted, so the
 * browser revalidates each load (a 304 costs a few hundred bytes) and a new release is seen at once.
 */
public final class DashboardRoutes {
    static final String WEBROOT = "webroot";

    private final StaticHandler files = StaticHandler.create(WEBROOT)
            .setDirectoryListing(false)
            .setIncludeHidden(false)
            .setIndexPage("index.html")
            .setCachingEnabled(true)
            .setMaxAgeSeconds(0)
            .setDefaultContentEncoding("UTF-8");

    public void mount(Router router) {
        router.route().method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/api") || path.startsWith("/api/")) {
            ctx.next();
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() < 400) {
                ctx.response().headers().set("Cache-Control", "no-cache");
            }
        });
        files.handle(ctx);
    }
}
