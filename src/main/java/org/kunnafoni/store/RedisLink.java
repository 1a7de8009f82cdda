package org.kunnafoni.store;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.util.concurrent.CompletableFuture;

/**
 * One Lettuce connection, to a single server (standalone or the master Sentinel names) or to a Redis Cluster, typed
 * by the command interfaces both share: a cluster connection routes each command to the master of its key's slot.
 */
public final class RedisLink implements AutoCloseable {
    private final StatefulConnection<String, String> connection;
    private final RedisClusterAsyncCommands<String, String> async;
    private final RedisClusterCommands<String, String> sync;

    private RedisLink(StatefulConnection<String, String> connection, RedisClusterAsyncCommands<String, String> async,
                      RedisClusterCommands<String, String> sync) {
        this.connection = connection;
        this.async = async;
        this.sync = sync;
    }

    static RedisLink of(StatefulRedisConnection<String, String> connection) {
        return new RedisLink(connection, connection.async(), connection.sync());
    }

    /**
     * Opens the socket to every master first: a cluster connection opens them lazily, and while one is still
     * opening it rejects the commands for that node (the gateway rejects commands while disconnected, to fall back to
     * the spool at once), so the first commands after start would fail.
     */
    static RedisLink of(StatefulRedisClusterConnection<String, String> connection) {
        openMasters(connection);
        return new RedisLink(connection, connection.async(), connection.sync());
    }

    private static void openMasters(StatefulRedisClusterConnection<String, String> c) {
        for (RedisClusterNode node : c.getPartitions()) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                c.getConnection(node.getUri().getHost(), node.getUri().getPort());
            }
        }
    }

    public RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    /** The cluster connection, when this is one (for commands that go to every master). */
    StatefulRedisClusterConnection<String, String> cluster() {
        return connection instanceof StatefulRedisClusterConnection<String, String> c ? c : null;
    }

    /**
     * With {@code false}, commands wait for {@link #flushCommands()}. A cluster connection writes a command only once
     * the connection to its node is open, so those are opened again first (a master may have appeared since): a
     * command queued on a node connection still opening would be written after the flush, and never sent.
     */
    public void setAutoFlushCommands(boolean autoFlush) {
        StatefulRedisClusterConnection<String, String> c = cluster();
        if (!autoFlush && c != null) {
            openMasters(c);
        }
        connection.setAutoFlushCommands(autoFlush);
    }

    public void flushCommands() {
        connection.flushCommands();
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    public CompletableFuture<Void> closeAsync() {
        return connection.closeAsync();
    }

    @Override
    public void close() {
        connection.close();
    }
}
