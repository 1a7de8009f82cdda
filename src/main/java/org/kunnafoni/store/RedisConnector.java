package org.kunnafoni.store;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One Lettuce client and a shared, pipelined connection for request-path commands. Commands fail fast while
 * disconnected (instead of queueing in memory) so intake can fall back to the spool; Lettuce reconnects in the
 * background, and a first connection that fails at start is retried on demand. The address is one server, a
 * Sentinel-managed master (Lettuce asks the sentinels for the master at each reconnect) or a Redis Cluster (Lettuce
 * routes each command to the master of its key's slot and follows topology changes).
 */
public final class RedisConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);
    /** A failover or resharding is noticed at once (adaptive refresh); the periodic one catches the rest. */
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

    private final RedisAddress address;
    private final ClientOptions options;
    private final AbstractRedisClient client;
    private final AtomicReference<RedisLink> connection = new AtomicReference<>();
    private volatile List<LoopConnection> loopConnections = List.of();

    /** A connection whose socket lives on one HTTP event loop, with the client that owns it. */
    private record LoopConnection(EventLoop loop, AbstractRedisClient client, RedisLink connection) {
    }

    /** @throws IllegalArgumentException when {@code uri} is not a usable Redis address */
    public RedisConnector(String uri, Duration commandTimeout) {
        this.address = RedisAddress.parse(uri);
        address.seeds().forEach(seed -> seed.setTimeout(commandTimeout));
        this.options = options(address.mode(), commandTimeout);
        this.client = newClient(null);
    }

    private static ClientOptions options(RedisAddress.Mode mode, Duration commandTimeout) {
        if (mode == RedisAddress.Mode.CLUSTER) {
            return ClusterClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                            .enableAllAdaptiveRefreshTriggers()
                            .build())
                    .build();
        }
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build();
    }

    /** @param resources null for a client with resources of its own */
    private AbstractRedisClient newClient(ClientResources resources) {
        if (address.mode() == RedisAddress.Mode.CLUSTER) {
            RedisClusterClient cluster = resources == null ? RedisClusterClient.create(address.seeds())
                    : RedisClusterClient.create(resources, address.seeds());
            cluster.setOptions((ClusterClientOptions) options);
            return cluster;
        }
        RedisURI uri = address.seeds().get(0);
        RedisClient single = resources == null ? RedisClient.create(uri) : RedisClient.create(resources, uri);
        single.setOptions(options);
        return single;
    }

    private static RedisLink connect(AbstractRedisClient client) {
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<String, String> c = cluster.connect(StringCodec.UTF8);
            c.setReadFrom(ReadFrom.UPSTREAM);
            return RedisLink.of(c);
        }
        return RedisLink.of(((RedisClient) client).connect(StringCodec.UTF8));
    }

    /** Standalone, Sentinel or Cluster. */
    public RedisAddress.Mode mode() {
        return address.mode();
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
                AbstractRedisClient loopClient = newClient(DefaultClientResources.builder()
                        .eventLoopGroupProvider(new BorrowedEventLoop(loop))
                        .eventExecutorGroup(client.getResources().eventExecutorGroup())
                        .timer(client.getResources().timer())
                        .build());
                try {
                    bound.add(new LoopConnection(loop, loopClient, connect(loopClient)));
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
    public RedisClusterAsyncCommands<String, String> onThisLoop() {
        for (LoopConnection c : loopConnections) {
            if (c.loop().inEventLoop()) {
                return c.connection().async();
            }
        }
        return async();
    }

    /**
     * The event loop the caller runs on, when {@link #bindEventLoops} gave that loop a connection of its own
     * (commands sent from it go out on that connection, written at once).
     */
    public Optional<EventLoop> currentLoop() {
        for (LoopConnection c : loopConnections) {
            if (c.loop().inEventLoop()) {
                return Optional.of(c.loop());
            }
        }
        return Optional.empty();
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
    public RedisClusterAsyncCommands<String, String> async() {
        return connection().async();
    }

    /**
     * A separate connection, e.g. for blocking reads that would stall the shared pipeline. On a cluster it holds
     * one socket per master it sends to, so a blocking read on one stream blocks only that stream's node socket.
     */
    public RedisLink newConnection() {
        return connect(client);
    }

    /**
     * One page of a SCAN over the whole key space. On a cluster each master is scanned in turn: the cursor names
     * the master (by its place in the sorted list of masters) and the position on it, so a page never spans two.
     *
     * @param cursor empty to start; the next cursor is empty when the scan is done
     */
    public CompletionStage<KeyPage> scan(Optional<String> cursor, KeyScanArgs args) {
        return ClusterScan.page(connection(), cursor, args);
    }

    /** Keys of one SCAN page, and where the next page starts (empty at the end). */
    public record KeyPage(List<String> keys, Optional<String> next) {
    }

    public CompletionStage<Boolean> ping() {
        try {
            return async().ping().thenApply("PONG"::equals).exceptionally(e -> false);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(false);
        }
    }

    private RedisLink connection() {
        RedisLink current = connection.get();
        if (current != null) {
            return current;
        }
        synchronized (connection) {
            if (connection.get() == null) {
                connection.set(connect(client));
            }
            return connection.get();
        }
    }

    @Override
    public void close() {
        releaseEventLoops();
        RedisLink current = connection.getAndSet(null);
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
