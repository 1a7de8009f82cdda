package org.kunnafoni.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import redis.embedded.RedisSentinel;
import redis.embedded.core.ExecutableProvider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A master, one replica and (optionally) one Sentinel from the embedded-redis binary, on free ports. The two servers
 * are started with {@link ProcessBuilder} rather than through embedded-redis, so the test owns their processes and
 * can kill the master with SIGKILL (a crash: no shutdown, no last flush) and start it again on the same port.
 */
public final class RedisReplicaSet implements AutoCloseable {
    public static final String MASTER_NAME = "kunnafoni";

    private final Path dir;
    private final Path executable;
    private final int[] ports = {FreePorts.next(), FreePorts.next()};
    private final Process[] servers = new Process[2];
    private final RedisClient client = RedisClient.create();
    private final Map<Integer, StatefulRedisConnection<String, String>> connections = new HashMap<>();
    private RedisSentinel sentinel;
    private StatefulRedisSentinelConnection<String, String> sentinelConnection;
    private int sentinelPort;

    private RedisReplicaSet(Path dir) throws IOException {
        this.dir = dir;
        this.executable = ExecutableProvider.newJarResourceProvider().get().toPath();
    }

    /** Server 0 is the master, server 1 its replica (in sync when this returns). */
    public static RedisReplicaSet start(Path dir) throws Exception {
        RedisReplicaSet set = new RedisReplicaSet(dir);
        try {
            set.startServer(0, Optional.empty());
            set.startServer(1, Optional.of(set.ports[0]));
            Await.until("the replica in sync", Duration.ofSeconds(30),
                    () -> set.commands(set.ports[1]).info("replication").contains("master_link_status:up"));
            return set;
        } catch (Exception e) {
            set.close();
            throw e;
        }
    }

    /**
     * One Sentinel watching server 0 (quorum 1), ready once it has found the replica: it declares the master down
     * after {@code downAfter} without an answer and may retry a failed failover after {@code failoverTimeout}.
     */
    public void startSentinel(Duration downAfter, Duration failoverTimeout) throws Exception {
        sentinelPort = FreePorts.next();
        sentinel = RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(sentinelPort).masterPort(ports[0])
                .masterName(MASTER_NAME).quorumSize(1).downAfterMilliseconds(downAfter.toMillis())
                .failOverTimeout(failoverTimeout.toMillis()).soutListener(line -> { }).serrListener(line -> { })
                .build();
        sentinel.start();
        sentinelConnection = client.connectSentinel(RedisURI.create("127.0.0.1", sentinelPort));
        Await.until("the Sentinel to know the replica", Duration.ofSeconds(30), () -> sentinelConnection.sync()
                .replicas(MASTER_NAME).stream().anyMatch(r -> Integer.toString(ports[1]).equals(r.get("port"))
                        && !r.get("flags").contains("down")));
    }

    /** The gateway's {@code redis.uri} for this set through its Sentinel. */
    public String sentinelUri() {
        return "redis-sentinel://127.0.0.1:" + sentinelPort + "/0#" + MASTER_NAME;
    }

    /** The port the Sentinel names as master now, or -1 when it cannot say. */
    public int masterPortBySentinel() {
        try {
            SocketAddress master = sentinelConnection.sync().getMasterAddrByName(MASTER_NAME);
            return master instanceof InetSocketAddress inet ? inet.getPort() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    public int port(int server) {
        return ports[server];
    }

    public String uri(int server) {
        return "redis://127.0.0.1:" + ports[server];
    }

    /** SIGKILL, as a crash or the OOM killer would: the server writes nothing more. */
    public void kill(int server) throws InterruptedException {
        servers[server].destroyForcibly();
        servers[server].waitFor();
    }

    /**
     * Starts a killed server again on its port, empty (no persistence), as a master; Sentinel reconfigures it. With
     * {@code replica-priority 0} Sentinel never promotes it: it comes back empty, and if the new master then missed
     * Sentinel's pings for a moment (its fork for the full sync, on a loaded 2-core CI machine) a second failover
     * onto it would make the empty server master and wipe the data the test checks. Operators restarting a server
     * without its data should do the same until it has synced (docs/scale-out.md).
     */
    public void restart(int server) throws IOException {
        startServer(server, Optional.empty(), List.of("--replica-priority", "0"));
    }

    /** Direct commands on one port (one connection per port, 2 s timeout), not following any failover. */
    public synchronized RedisCommands<String, String> commands(int port) {
        return connections.computeIfAbsent(port, p -> client.connect(RedisURI.builder().withHost("127.0.0.1")
                .withPort(p).withTimeout(Duration.ofSeconds(2)).build())).sync();
    }

    /** The redis-server processes, for CPU time. */
    public List<ProcessHandle> processes() {
        return java.util.Arrays.stream(servers).filter(p -> p != null && p.isAlive()).map(Process::toHandle).toList();
    }

    private void startServer(int index, Optional<Integer> replicaOf) throws IOException {
        startServer(index, replicaOf, List.of());
    }

    private void startServer(int index, Optional<Integer> replicaOf, List<String> extra) throws IOException {
        Path serverDir = dir.resolve("redis-" + ports[index]).toAbsolutePath();
        Files.createDirectories(serverDir);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(ports[index]), "--dir", serverDir.toString(), "--save", "",
                "--appendonly", "no", "--protected-mode", "no"));
        replicaOf.ifPresent(master -> command.addAll(List.of("--replicaof", "127.0.0.1", master.toString())));
        command.addAll(extra);
        servers[index] = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(serverDir.resolve("redis.log").toFile()).start();
        try {
            Await.until("redis-server on " + ports[index], Duration.ofSeconds(20), () -> {
                try (var c = client.connect(RedisURI.create("127.0.0.1", ports[index]))) {
                    return "PONG".equals(c.sync().ping());
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        connections.values().forEach(StatefulRedisConnection::close);
        if (sentinelConnection != null) {
            sentinelConnection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        if (sentinel != null) {
            try {
                sentinel.stop();
            } catch (IOException e) {
                // already gone
            }
        }
        for (Process server : servers) {
            if (server != null) {
                server.destroyForcibly();
            }
        }
    }
}
