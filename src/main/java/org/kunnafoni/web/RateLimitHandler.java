package org.kunnafoni.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a client that sends more than its route group's rate with 429 and {@code Retry-After}. The request is
 * paused while Redis answers so the body handler that follows still sees the whole body. If Redis cannot answer,
 * the request goes ahead: the limit protects the gateway, it must not take the dashboard down with Redis.
 */
final class RateLimitHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitHandler.class);

    private final String group;
    private final RequestLimits.Rate rate;
    private final RequestLimiter limiter;

    RateLimitHandler(String group, RequestLimits.Rate rate, RequestLimiter limiter) {
        this.group = group;
        this.rate = rate;
        this.limiter = limiter;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!rate.enabled()) {
            ctx.next();
            return;
        }
        String client = Api.address(ctx);
        ctx.request().pause();
        Future.fromCompletionStage(limiter.acquire(group, client, rate), ctx.vertx().getOrCreateContext())
                .onComplete(result -> {
                    if (result.failed()) {
                        LOG.warn("request limit for {} unavailable, letting the request through: {}", group,
                                result.cause().toString());
                        ctx.next();
                    } else if (result.result().isEmpty()) {
                        ctx.next();
                    } else {
                        long seconds = Math.max(1, (result.result().get().toMillis() + 999) / 1000);
                        ctx.response().putHeader("Retry-After", Long.toString(seconds));
                        Api.error(ctx, 429, "too many requests; try again in " + seconds + " s");
                    }
                });
    }
}
