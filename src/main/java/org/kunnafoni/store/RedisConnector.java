package org.kunnafoni.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Lettuce client and a shared, pipelined connection for request-path commands. Commands fail fast while
 * disconnected (instead of queueing in memory) so intake can fall back to the spool; Lettuce reconnects in the
 * background, and a first connection that fails at start is retried on demand.
 */
public final class RedisConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);

    private final RedisURI redisUri;
    private final ClientOptions options;
    private final RedisClient client;
    private final AtomicReference<StatefulRedisConnection<String, String>> connection = new AtomicReference<>();
    private volatile List<LoopConnection> loopConnections = List.of();

    /** A connection whose socket lives on one HTTP event loop, with the client that owns it. */
    private record LoopConnection(EventLoop loop, RedisClient client, StatefulRedisConnection<String, String> connection) {
    }

    public RedisConnector(String uri, Duration commandTimeout) {
        this.redisUri = RedisURI.create(uri);
        redisUri.setTimeout(commandTimeout);
        this.client = RedisClient.create(redisUri);
        this.options = ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build();
        client.setOptions(options);
    }

    /**
     * Opens one connection on each of these (HTTP) event loops, for {@link #onThisLoop()}. A command sent from
     * the loop that owns its connection is written at once and its answer completes on the same thread, instead
     * of two thread hand-offs (and wake-ups) through Lettuce's I/O thread per request. A loop whose connection
     * cannot be opened now keeps using the shared one. Call from a thread that is not one of the loops.
     */
    public void bindEventLoops(EventLoopGroup loops) {
        List<LoopConnection> bound = new ArrayList<>();
        for (EventExecutor executor : loops) {
            if (executor instanceof EventLoop loop) {
                RedisClient loopClient = RedisClient.create(DefaultClientResources.builder()
                        .eventLoopGroupProvider(new BorrowedEventLoop(loop))
                        .eventExecutorGroup(client.getResources().eventExecutorGroup())
                        .timer(client.getResources().timer())
                        .build(), redisUri);
                loopClient.setOptions(options);
                try {
                    bound.add(new LoopConnection(loop, loopClient, loopClient.connect(StringCodec.UTF8)));
                } catch (RuntimeException e) {
                    LOG.warn("no Redis connection on an HTTP event loop, it uses the shared one: {}", e.getMessage());
                    loopClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                }
            }
        }
        loopConnections = List.copyOf(bound);
    }

    /** Closes the connections of {@link #bindEventLoops}; call before the loops stop. */
    public void releaseEventLoops() {
        List<LoopConnection> bound = loopConnections;
        loopConnections = List.of();
        for (LoopConnection c : bound) {
            try {
                c.connection().closeAsync().get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("closing a Redis connection of an event loop: {}", e.toString());
            }
            c.client().shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** Async commands on the calling event loop's own connection when it has one, else on the shared one. */
    public RedisAsyncCommands<String, String> onThisLoop() {
        for (LoopConnection c : loopConnections) {
            if (c.loop().inEventLoop()) {
                return c.connection().async();
            }
        }
        return async();
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
        releaseEventLoops();
        StatefulRedisConnection<String, String> current = connection.getAndSet(null);
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
