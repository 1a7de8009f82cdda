package org.kunnafoni.web.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.kunnafoni.support.FreePorts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A page from another origin (another port on the same host, so the same site: even a SameSite=Strict cookie goes
 * along), serving whatever HTML a test gives it, with no security headers — an attacker's page.
 */
final class ForeignSite implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final int port;

    ForeignSite() throws Exception {
        this.port = FreePorts.next();
        this.server = vertx.createHttpServer()
                .requestHandler(request -> {
                    String page = pages.get(request.path());
                    request.response().setStatusCode(page == null ? 404 : 200)
                            .putHeader("Content-Type", "text/html; charset=utf-8").end(page == null ? "" : page);
                })
                .listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String put(String path, String html) {
        pages.put(path, html);
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
