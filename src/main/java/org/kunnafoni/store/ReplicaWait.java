package org.kunnafoni.store;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Redis replication is asynchronous: a write the master answered can vanish in a failover if no replica copied it
 * yet. With {@code replicas > 0} a write is confirmed only once {@code WAIT replicas timeout}, sent on the connection
 * that carried the write, says that many replicas have it; fewer in time fails like any Redis error, so intake spools
 * the message instead of acknowledging it from Redis ({@code redis.wait-replicas}, docs/scale-out.md).
 */
public record ReplicaWait(int replicas, Duration timeout) {
    /** Today's behaviour: the master's answer is enough. */
    public static final ReplicaWait NONE = new ReplicaWait(0, Duration.ofSeconds(1));

    public ReplicaWait {
        if (replicas < 0 || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("replicas must be >= 0 and the timeout at least 1ms");
        }
    }

    public boolean enabled() {
        return replicas > 0;
    }

    /**
     * Waits until the replicas have every write this connection sent so far. Call it once the write has answered:
     * a script sent again after NOSCRIPT (a new master after a failover) would otherwise come after the WAIT.
     */
    CompletionStage<Void> confirm(RedisClusterAsyncCommands<String, String> connection) {
        if (!enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.waitForReplication(replicas, timeout.toMillis()).thenCompose(confirmed -> confirmed >= replicas
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.<Void>failedFuture(new ReplicationShortfall(confirmed, replicas, timeout)));
    }

    /**
     * For a duplicate: the write that set {@code marker} may have come through another connection and not be on a
     * replica yet, and WAIT only covers this connection's own writes (Redis tracks the offset of a client's last
     * write). Refreshing the marker's TTL is a write whose offset is past the original, so the WAIT covers both.
     */
    CompletionStage<Void> confirmExisting(RedisClusterAsyncCommands<String, String> connection, String marker,
                                          long ttlMillis) {
        if (!enabled()) {
            return CompletableFuture.completedFuture(null);
        }
        return connection.pexpire(marker, ttlMillis).thenCompose(touched -> confirm(connection));
    }

    /** Fewer replicas than required confirmed the write in time. */
    public static final class ReplicationShortfall extends IllegalStateException {
        ReplicationShortfall(long confirmed, int required, Duration timeout) {
            super(confirmed + " of " + required + " Redis replica(s) confirmed the write within " + timeout.toMillis()
                    + "ms");
        }
    }
}
