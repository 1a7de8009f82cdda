package org.kunnafoni.app;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.store.RedisKeys;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reporters' known languages ({@code sub:{<reporter>}} field {@code language}) for one worker thread: the ones
 * not seen within {@code ttl} are read in one pipelined round, the rest come from memory, absent ones too. The
 * language is only a hint to triage, so a change showing up a minute late does no harm; bounded, least recently
 * used first out. Not thread-safe: one per worker.
 */
final class LanguageCache {
    private record Known(String code, long expiresAtNanos) {
    }

    private final RedisClusterAsyncCommands<String, String> redis;
    private final long ttlNanos;
    private final Map<String, Known> known;

    LanguageCache(RedisClusterAsyncCommands<String, String> redis, Duration ttl, int capacity) {
        this.redis = redis;
        this.ttlNanos = ttl.toNanos();
        this.known = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Reporter → language code or null; the replies not in memory are remembered when they arrive. */
    Map<String, CompletionStage<String>> lookUp(Collection<String> reporters) {
        long now = System.nanoTime();
        Map<String, CompletionStage<String>> out = new HashMap<>();
        for (String reporter : reporters) {
            if (out.containsKey(reporter)) {
                continue;
            }
            Known k = known.get(reporter);
            if (k != null && now - k.expiresAtNanos() < 0) {
                out.put(reporter, CompletableFuture.completedFuture(k.code()));
            } else {
                out.put(reporter, redis.hget(RedisKeys.subscriber(reporter), "language"));
            }
        }
        return out;
    }

    /** Called on the worker thread once a reply was awaited, so the map is only touched by that thread. */
    void remember(String reporter, String code) {
        known.put(reporter, new Known(code, System.nanoTime() + ttlNanos));
    }
}
