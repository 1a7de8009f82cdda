package org.kunnafoni.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.intake.IntakeService;
import org.kunnafoni.intake.Spool;
import org.kunnafoni.store.RedisConnector;

/** {@code /health} (the process answers), {@code /ready} (Redis reachable, spool state), {@code /metrics}. */
public final class OperationsRoutes {
    private final RedisConnector redis;
    private final Spool spool;
    private final IntakeService intake;
    private final PrometheusMeterRegistry registry;

    public OperationsRoutes(RedisConnector redis, Spool spool, IntakeService intake, PrometheusMeterRegistry registry) {
        this.redis = redis;
        this.spool = spool;
        this.intake = intake;
        this.registry = registry;
    }

    void mount(Router router) {
        router.get("/health").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "up")));
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape()));
    }

    private void ready(RoutingContext ctx) {
        Future.fromCompletionStage(redis.ping(), ctx.vertx().getOrCreateContext()).onComplete(result -> {
            boolean redisUp = result.succeeded() && Boolean.TRUE.equals(result.result());
            long depth = spool.depth();
            JsonObject body = new JsonObject()
                    .put("status", redisUp && depth == 0 && intake.storeAvailable() ? "ready" : "degraded")
                    .put("redis", redisUp ? "up" : "down")
                    .put("spool", new JsonObject()
                            .put("depth", depth)
                            .put("active", depth > 0 || !intake.storeAvailable()));
            json(ctx, redisUp ? 200 : 503, body);
        });
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
