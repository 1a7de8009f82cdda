package org.kunnafoni.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Lettuce client and a shared, pipelined connection for request-path commands. Commands fail fast while
 * disconnected (instead of queueing in memory) so intake can fall back to the spool; Lettuce reconnects in the
 * background, and a first connection that fails at start is retried on demand.
 */
public final class RedisConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);

    private final RedisClient client;
    private final AtomicReference<StatefulRedisConnection<String, String>> connection = new AtomicReference<>();

    public RedisConnector(String uri, Duration commandTimeout) {
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(commandTimeout);
        this.client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
    }

    /** Connects now if possible; a failure is logged, and the next {@link #async()} call tries again. */
    public boolean tryConnect() {
        try {
            connection();
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Redis is not reachable yet: {}", e.getMessage());
            return false;
        }
    }

    /** Async commands on the shared connection; throws if Redis cannot be reached at all. */
    public RedisAsyncCommands<String, String> async() {
        return connection().async();
    }

    /** A separate connection, e.g. for blocking reads that would stall the shared pipeline. */
    public StatefulRedisConnection<String, String> newConnection() {
        return client.connect(StringCodec.UTF8);
    }

    public CompletionStage<Boolean> ping() {
        try {
            return async().ping().thenApply("PONG"::equals).exceptionally(e -> false);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(false);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection.get();
        if (current != null) {
            return current;
        }
        synchronized (connection) {
            if (connection.get() == null) {
                connection.set(client.connect(StringCodec.UTF8));
            }
            return connection.get();
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection.getAndSet(null);
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
