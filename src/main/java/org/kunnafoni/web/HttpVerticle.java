package org.kunnafoni.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.kunnafoni.channel.relay.RelayWebhook;
import org.kunnafoni.channel.twilio.TwilioSmsWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP event loop: the channel webhooks, the operations endpoints, the JSON API and the dashboard. Several instances share the port.
 * Bodies are read into memory only up to the configured limit (413 above it); errors never carry stack traces:
 * {@link ErrorAnswers} answers every failure, in the API sub-router too, with a logged correlation id.
 */
public final class HttpVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

    /** The router serving each listening port: the contract test holds openapi.yaml to the routes really mounted. */
    private static final Map<Integer, Router> ROUTERS = new ConcurrentHashMap<>();

    private final WebDependencies deps;
    private HttpServer server;
    private Router router;

    public HttpVerticle(WebDependencies deps) {
        this.deps = deps;
    }

    @Override
    public Future<?> start() {
        router = Router.router(vertx);
        SecurityHeaders securityHeaders = new SecurityHeaders(deps.publicUrl());
        router.route().handler(securityHeaders);
        router.route().handler(new ClientAddress(deps.limits().trustedProxies()));
        router.route().handler(new BodyLimits(deps.bodyLimit()));
        router.route().handler(new QueryCheck());
        mountRateLimits(router);
        BodyHandler forms = BodyHandler.create(false).setBodyLimit(deps.bodyLimit());
        router.post(RelayWebhook.PATH).handler(forms).handler(deps.relay());
        router.get(RelayWebhook.PATH).handler(deps.relay()); // SMSSync polls with GET ?task=send / ?task=result
        deps.operations().mount(router);
        deps.rootModules().forEach(module -> module.mount(router));
        router.route("/api/*").subRouter(apiRouter());
        new DashboardRoutes().mount(router);
        router.route().last().handler(ctx -> ctx.response().setStatusCode(404).end("not found\n"));
        router.route().failureHandler(ErrorAnswers::answer);
        HttpServerOptions options = new HttpServerOptions()
                .setHost(deps.host())
                .setPort(deps.port())
                .setCompressionSupported(false)
                .setMaxFormAttributeSize(deps.bodyLimit());
        TwilioSmsWebhook twilio = deps.twilio();
        // every alert takes this path: answered without Router and BodyHandler (TwilioSmsWebhook reads its body)
        Handler<HttpServerRequest> requests = request -> {
            if (request.method() == HttpMethod.POST && TwilioSmsWebhook.PATH.equals(request.path())) {
                securityHeaders.apply(request.response().headers());
                twilio.handle(request);
            } else {
                router.handle(request);
            }
        };
        return vertx.createHttpServer(options).requestHandler(requests).listen().onSuccess(s -> {
            server = s;
            ROUTERS.put(s.actualPort(), router);
        });
    }

    /** The router that answers on this port (in this JVM), for inspection only. */
    static Optional<Router> routerOn(int port) {
        return Optional.ofNullable(ROUTERS.get(port));
    }

    /**
     * Per-client limits on the JSON and partner APIs, before their body handlers (the limiter pauses the request
     * until Redis answers; the body handler that follows resumes it). Never on the channel webhooks.
     */
    private void mountRateLimits(Router router) {
        router.route("/api/*").handler(new RateLimitHandler("api", deps.limits().api(), deps.limiter()));
        router.route("/partner/*").handler(new RateLimitHandler("partner", deps.limits().partner(), deps.limiter()));
        router.route("/partner/*").handler(BodyHandler.create(false).setBodyLimit(BodyLimits.PARTNER));
    }

    private Router apiRouter() {
        Router api = Router.router(vertx);
        deps.apiModules().forEach(module -> module.mountBodyHandlers(api));
        api.route().handler(BodyHandler.create(false).setBodyLimit(BodyLimits.API));
        deps.apiModules().forEach(module -> module.mount(api));
        api.route().last().handler(ctx -> Api.error(ctx, 404, "no such API route"));
        api.route().failureHandler(ErrorAnswers::answer);
        return api;
    }

    @Override
    public Future<?> stop() {
        if (server == null) {
            return Future.succeededFuture();
        }
        ROUTERS.remove(server.actualPort(), router);
        Duration grace = deps.shutdownGrace();
        LOG.debug("draining HTTP requests for up to {}", grace);
        return server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
