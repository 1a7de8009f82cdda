package org.kunnafoni.fault;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One Redis server (the embedded binary) that several gateways share through {@code KUNNAFONI_REDIS_URI}, with
 * append-only persistence fsynced on every write so a stop and start keeps everything acknowledged.
 */
final class SharedRedis implements AutoCloseable {
    private final int port;
    private final Path dir;
    private RedisServer server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    SharedRedis(int port, Path dir) throws IOException {
        this.port = port;
        this.dir = dir;
        start();
    }

    void start() throws IOException {
        server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("dir " + dir).setting("appendonly yes").setting("appendfsync always")
                .setting("save \"\"").build();
        server.start();
    }

    void stop() throws IOException {
        if (connection != null) {
            connection.close();
            client.shutdown();
            connection = null;
        }
        server.stop();
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** A connection from the test, opened on first use (and again after a restart). */
    RedisCommands<String, String> commands() {
        if (connection == null) {
            client = RedisClient.create(uri());
            connection = client.connect();
        }
        return connection.sync();
    }

    @Override
    public void close() throws IOException {
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
        if (server != null && server.isActive()) {
            server.stop();
        }
    }
}
