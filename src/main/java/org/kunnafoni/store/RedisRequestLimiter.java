package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.web.RequestLimiter;
import org.kunnafoni.web.RequestLimits;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Request rates per client address in Redis, so every gateway instance counts the same client together: the
 * generic cell rate algorithm that refuses (429) rather than reserving a slot, one key per group and address in its own slot.
 */
public final class RedisRequestLimiter implements RequestLimiter {
    private static final RedisScript GCRA = RedisScript.load("request_limit_gcra.lua");

    private final RedisConnector redis;

    public RedisRequestLimiter(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Optional<Duration>> acquire(String group, String client, RequestLimits.Rate rate) {
        double interval = 1000.0 / rate.perSecond();
        return GCRA.<Long>run(redis.async(), ScriptOutputType.INTEGER,
                        new String[]{RedisKeys.requestLimit(group, client)},
                        Double.toString(interval), Double.toString(interval * Math.max(1, rate.burst())), "1")
                .thenApply(wait -> wait == 0L ? Optional.<Duration>empty() : Optional.of(Duration.ofMillis(wait)));
    }
}
