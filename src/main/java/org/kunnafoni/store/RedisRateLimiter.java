package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.dispatch.RateLimiter;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * A per-sender rate limit shared by every gateway instance: GCRA in one Lua script on Redis's clock, cost =
 * segments. Denied requests take nothing, so a waiting dispatch does not push the others back.
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final RedisScript GCRA = RedisScript.load("ratelimit_gcra.lua");

    private final RedisConnector redis;
    private final String millisPerSegment;
    private final String burstMillis;

    /** @param burstSegments segments that may go out back to back before the rate applies */
    public RedisRateLimiter(RedisConnector redis, double segmentsPerSecond, int burstSegments) {
        if (segmentsPerSecond <= 0 || burstSegments < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        double interval = 1000.0 / segmentsPerSecond;
        this.redis = redis;
        this.millisPerSegment = Double.toString(interval);
        this.burstMillis = Double.toString(interval * burstSegments);
    }

    @Override
    public CompletionStage<Decision> acquire(String sender, int cost) {
        return GCRA.<Long>run(redis.async(), ScriptOutputType.INTEGER, new String[]{RedisKeys.rateLimit(sender)},
                        millisPerSegment, burstMillis, Integer.toString(Math.max(1, cost)))
                .thenApply(wait -> wait == 0L ? new Decision.Granted() : new Decision.WaitFor(Duration.ofMillis(wait)));
    }
}
