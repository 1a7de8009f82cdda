package org.kunnafoni.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Redis server the gateway starts itself when no {@code redis.uri} is configured: the binary shipped in the
 * embedded-redis package, bound to loopback, with append-only persistence under {@code data-dir/redis} so the
 * next start finds every acknowledged message again.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(Path dataDir, int requestedPort, String appendfsync) throws IOException {
        Path dir = dataDir.resolve("redis").toAbsolutePath();
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("redis.pid");
        stopOrphan(pidFile);
        int port = requestedPort > 0 ? requestedPort : freePort();
        RedisServer server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir)
                .setting("pidfile " + pidFile)
                .setting("appendonly yes")
                .setting("appendfilename kunnafoni.aof")
                .setting("appendfsync " + appendfsync)
                .setting("save \"\"")
                .setting("protected-mode yes")
                // our own shutdown stops it after the workers that use it; the next start cleans up an orphan
                .onShutdownForceStop(false)
                .soutListener(line -> { })
                .serrListener(line -> LOG.warn("embedded redis: {}", line))
                .build();
        server.start();
        LOG.info("embedded Redis listening on 127.0.0.1:{} with data in {}", port, dir);
        return new EmbeddedRedis(server, port);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }

    /**
     * A gateway killed with SIGKILL leaves its Redis child running; two servers on one append-only file would
     * corrupt it, so the old one is asked to shut down (it flushes the file) before a new one starts.
     */
    private static void stopOrphan(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false));
        if (orphan.isPresent()) {
            ProcessHandle process = orphan.get();
            LOG.warn("stopping an embedded Redis left running by a previous gateway (pid {})", process.pid());
            process.destroy();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
