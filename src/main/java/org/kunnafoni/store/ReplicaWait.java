package org.kunnafoni.store;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Redis replication is asynchronous: a write the master answered can vanish in a failover if no replica copied it
 * yet. With {@code replicas > 0} a write is confirmed only once {@code WAIT replicas timeout}, sent on the connection
 * that carried the write, says that many replicas have it; fewer in time fails like any Redis error, so intake spools
 * the message instead of acknowledging it from Redis ({@code redis.wait-replicas}, docs/scale-out.md).
 *
 * <p>WAIT blocks its connection on the server until it returns, and every command pipelined behind it waits too. So
 * a connection has at most one WAIT out: writes confirmed while it is out share the next one, which covers them all
 * (Redis waits for the client's last write). Without this, a replay of 256 spooled alerts with no replica would queue
 * 256 WAITs of {@code timeout} each on the shared connection and stall everything else on it for minutes.
 */
public final class ReplicaWait {
    /** Today's behaviour: the master's answer is enough. */
    public static final ReplicaWait NONE = new ReplicaWait(0, Duration.ofSeconds(1));

    private final int replicas;
    private final Duration timeout;
    private final Map<RedisClusterAsyncCommands<String, String>, Round> rounds =
            Collections.synchronizedMap(new WeakHashMap<>());

    public ReplicaWait(int replicas, Duration timeout) {
        if (replicas < 0 || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("replicas must be >= 0 and the timeout at least 1ms");
        }
        this.replicas = replicas;
        this.timeout = timeout;
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
        return rounds.computeIfAbsent(connection, c -> new Round()).join(connection);
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

    /** The WAIT a connection has out, and the writes that will share the next one. */
    private final class Round {
        private boolean waiting;
        private CompletableFuture<Void> next;

        synchronized CompletableFuture<Void> join(RedisClusterAsyncCommands<String, String> connection) {
            if (!waiting) {
                waiting = true;
                return send(connection);
            }
            if (next == null) {
                next = new CompletableFuture<>();
            }
            return next;
        }

        private CompletableFuture<Void> send(RedisClusterAsyncCommands<String, String> connection) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            connection.waitForReplication(replicas, timeout.toMillis()).whenComplete((confirmed, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else if (confirmed < replicas) {
                    done.completeExceptionally(new ReplicationShortfall(confirmed, replicas, timeout));
                } else {
                    done.complete(null);
                }
                startNext(connection);
            });
            return done;
        }

        private void startNext(RedisClusterAsyncCommands<String, String> connection) {
            CompletableFuture<Void> following;
            synchronized (this) {
                following = next;
                next = null;
                waiting = following != null;
            }
            if (following != null) {
                send(connection).whenComplete((v, error) -> {
                    if (error != null) {
                        following.completeExceptionally(error);
                    } else {
                        following.complete(null);
                    }
                });
            }
        }
    }

    /** Fewer replicas than required confirmed the write in time. */
    public static final class ReplicationShortfall extends IllegalStateException {
        ReplicationShortfall(long confirmed, int required, Duration timeout) {
            super(confirmed + " of " + required + " Redis replica(s) confirmed the write within " + timeout.toMillis()
                    + "ms");
        }
    }
}
