package org.kunnafoni.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.SlotHash;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A Redis Cluster of three masters (no replicas) from the embedded-redis binary, on free ports, each node with a
 * fresh cluster-config-file under {@code dir}: slots are split in three ranges with CLUSTER ADDSLOTS (Redis 6.2 has
 * no ADDSLOTSRANGE), the nodes meet, and the cluster is ready when every node says cluster_state:ok.
 */
public final class RedisClusterServers implements AutoCloseable {
    private static final int MASTERS = 3;

    private final List<RedisServer> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final RedisClient client = RedisClient.create();
    private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();

    private RedisClusterServers() {
    }

    public static RedisClusterServers start(Path dir) throws Exception {
        RedisClusterServers cluster = new RedisClusterServers();
        try {
            cluster.startNodes(dir);
            cluster.form();
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private void startNodes(Path dir) throws IOException {
        for (int i = 0; i < MASTERS; i++) {
            int port = FreePorts.next();
            Path nodeDir = dir.resolve("node-" + port).toAbsolutePath();
            Files.createDirectories(nodeDir);
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir " + nodeDir)
                    .setting("cluster-enabled yes")
                    .setting("cluster-config-file " + nodeDir.resolve("nodes.conf"))
                    .setting("cluster-node-timeout 5000")
                    .setting("appendonly no")
                    .setting("save \"\"")
                    .soutListener(line -> { })
                    .serrListener(line -> { })
                    .build();
            server.start();
            servers.add(server);
            ports.add(port);
            connections.add(client.connect(RedisURI.create("127.0.0.1", port)));
        }
    }

    private void form() throws InterruptedException {
        int per = SlotHash.SLOT_COUNT / MASTERS;
        for (int i = 0; i < MASTERS; i++) {
            int from = i * per;
            int to = i == MASTERS - 1 ? SlotHash.SLOT_COUNT : from + per;
            node(i).clusterAddSlots(IntStream.range(from, to).toArray());
        }
        for (int i = 1; i < MASTERS; i++) {
            node(0).clusterMeet("127.0.0.1", ports.get(i));
        }
        Await.until("cluster_state:ok on every node", Duration.ofSeconds(30), () -> IntStream.range(0, MASTERS)
                .allMatch(i -> node(i).clusterInfo().contains("cluster_state:ok")
                        && node(i).clusterNodes().lines().count() == MASTERS));
    }

    /** Direct commands on one node (no redirects followed), e.g. DBSIZE per master. */
    public RedisCommands<String, String> node(int index) {
        return connections.get(index).sync();
    }

    public int size() {
        return MASTERS;
    }

    /** The seed list in the gateway's cluster form. */
    public String uri() {
        return "redis-cluster://" + String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
    }

    @Override
    public void close() {
        connections.forEach(StatefulRedisConnection::close);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        for (RedisServer server : servers) {
            try {
                server.stop();
            } catch (IOException e) {
                // a node that is already gone: nothing to stop
            }
        }
    }
}
