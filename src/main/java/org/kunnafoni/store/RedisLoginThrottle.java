package org.kunnafoni.store;

import org.kunnafoni.web.auth.LoginThrottle;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Failed-login counters in Redis, so every gateway instance sees the same count. */
public final class RedisLoginThrottle implements LoginThrottle {
    private final RedisConnector redis;
    private final int maxFailures;
    private final Duration window;

    public RedisLoginThrottle(RedisConnector redis, int maxFailures, Duration window) {
        this.redis = redis;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Override
    public CompletionStage<Boolean> blocked(String username, String address) {
        return redis.async().mget(RedisKeys.loginFailuresForUser(username), RedisKeys.loginFailuresForAddress(address))
                .thenApply(values -> values.stream().anyMatch(kv -> kv.hasValue()
                        && Integer.parseInt(kv.getValue()) >= limitFor(kv.getKey())));
    }

    @Override
    public CompletionStage<Void> failed(String username, String address) {
        return bump(RedisKeys.loginFailuresForUser(username))
                .thenCompose(v -> bump(RedisKeys.loginFailuresForAddress(address)));
    }

    @Override
    public CompletionStage<Void> succeeded(String username) {
        return redis.async().del(RedisKeys.loginFailuresForUser(username)).thenApply(n -> null);
    }

    /** One address (an office behind one NAT) may try more often than one account. */
    private int limitFor(String key) {
        return key.startsWith("throttle:login:addr:") ? maxFailures * 4 : maxFailures;
    }

    private CompletionStage<Void> bump(String key) {
        return redis.async().incr(key).thenCompose(count -> count == 1
                ? redis.async().pexpire(key, window.toMillis()).thenApply(ok -> null)
                : java.util.concurrent.CompletableFuture.completedFuture(null));
    }
}
