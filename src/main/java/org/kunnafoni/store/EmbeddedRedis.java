package org.kunnafoni.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Redis server the gateway starts itself when no {@code redis.uri} is configured: the binary shipped in the
 * embedded-redis package, bound to loopback, with append-only persistence under {@code data-dir/redis} so the
 * next start finds every acknowledged message again.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String READY = "eady to accept connections";
    private static final long START_SECONDS = 30;
    private static final long STOP_SECONDS = 30;

    private final Process process;
    private final int port;

    private EmbeddedRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * The embedded-redis package gives the binary and writes the configuration; the process is started and stopped
     * here, because the package's own start also registers a JVM shutdown hook that stops Redis at once, alongside
     * the gateway's hook, while workers still write to it (a send made but not recorded goes twice).
     */
    public static EmbeddedRedis start(Path dataDir, int requestedPort, String appendfsync) throws IOException {
        Path dir = dataDir.resolve("redis").toAbsolutePath();
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("redis.pid");
        stopOrphan(pidFile);
        int port = requestedPort > 0 ? requestedPort : freePort();
        List<String> command = new RedisServerBuilder()
                .executableProvider(ownSession(dir))
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir)
                .setting("pidfile " + pidFile)
                .setting("appendonly yes")
                .setting("appendfilename kunnafoni.aof")
                .setting("appendfsync " + appendfsync)
                .setting("save \"\"")
                .setting("protected-mode yes")
                .buildCommandArgs();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        awaitReady(process);
        LOG.info("embedded Redis listening on 127.0.0.1:{} with data in {}", port, dir);
        return new EmbeddedRedis(process, port);
    }

    /** Waits for Redis's ready line; its output goes on being read (and warnings logged) by a daemon thread. */
    private static void awaitReady(Process process) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        List<String> startLines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!ready.isDone()) {
                        startLines.add(line);
                    }
                    if (line.contains(READY)) {
                        ready.complete(null);
                    } else if (ready.isDone() && line.contains(" # ")) {
                        // Redis's warning level; its start-up banner uses it too, so only after start
                        LOG.warn("embedded redis: {}", line);
                    }
                }
            } catch (IOException e) {
                LOG.debug("embedded redis output: {}", e.toString());
            }
            ready.completeExceptionally(new IOException("redis-server exited"));
        }, "embedded-redis-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the embedded Redis did not start: " + String.join(" | ", startLines), e);
        }
    }

    /**
     * The packaged binary, started through {@code setsid} where there is one: in a session of its own, Redis does not
     * get the Ctrl-C (SIGINT) a terminal sends to the gateway's whole process group, so it is not stopped while the
     * gateway still drains requests and workers that write to it; the gateway stops it last. {@code setsid} execs in
     * place (the process is not a group leader), so the pid the library stops is Redis itself.
     */
    private static ExecutableProvider ownSession(Path dir) {
        return () -> {
            File binary = ExecutableProvider.newJarResourceProvider().get();
            Optional<Path> setsid = onPath("setsid");
            if (setsid.isEmpty()) {
                LOG.info("no setsid on PATH: a Ctrl-C also reaches the embedded Redis");
                return binary;
            }
            Path wrapper = dir.resolve("redis-server-own-session.sh");
            Files.writeString(wrapper, "#!/bin/sh\nexec " + shellQuoted(setsid.get().toString()) + " "
                    + shellQuoted(binary.getAbsolutePath()) + " \"$@\"\n", StandardCharsets.UTF_8);
            if (!wrapper.toFile().setExecutable(true, true)) {
                return binary;
            }
            return wrapper.toFile();
        };
    }

    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGTERM: Redis writes what it holds to the append-only file and exits; forced only if it hangs. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the embedded Redis did not stop within {} s; killing it", STOP_SECONDS);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
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
