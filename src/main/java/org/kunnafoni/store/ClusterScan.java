package org.kunnafoni.store;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * SCAN pages whose cursor is a plain number a client can hand back later. Lettuce's own cluster scan keeps its
 * state in a cursor object that cannot be rebuilt from text, so on a cluster the cursor is
 * {@code position × 1000 + master}, the master being its place among the masters sorted by node id (a cluster has at
 * most 1,000 masters) and the position Redis's own cursor on it. A resharding between two pages may skip or repeat
 * keys, which SCAN allows anyway.
 */
final class ClusterScan {
    private static final long MASTERS = 1000;
    private ClusterScan() {
    }

    static CompletionStage<RedisConnector.KeyPage> page(RedisLink link, Optional<String> cursor, KeyScanArgs args) {
        StatefulRedisClusterConnection<String, String> cluster = link.cluster();
        if (cluster == null) {
            return link.async().scan(cursor.map(ScanCursor::of).orElse(ScanCursor.INITIAL), args)
                    .thenApply(page -> new RedisConnector.KeyPage(page.getKeys(),
                            page.isFinished() ? Optional.empty() : Optional.of(page.getCursor())));
        }
        List<RedisClusterNode> masters = cluster.getPartitions().stream()
                .filter(n -> n.is(RedisClusterNode.NodeFlag.UPSTREAM))
                .sorted(Comparator.comparing(RedisClusterNode::getNodeId)).toList();
        long encoded = cursor.map(Long::parseUnsignedLong).orElse(0L);
        int master = (int) Long.remainderUnsigned(encoded, MASTERS);
        String position = Long.toUnsignedString(Long.divideUnsigned(encoded, MASTERS));
        if (master >= masters.size()) {
            return CompletableFuture.completedFuture(new RedisConnector.KeyPage(List.of(), Optional.empty()));
        }
        RedisClusterNode node = masters.get(master);
        return cluster.getConnectionAsync(node.getUri().getHost(), node.getUri().getPort())
                .thenCompose(c -> c.async().scan(ScanCursor.of(position), args))
                .thenApply(page -> {
                    Optional<String> next = !page.isFinished()
                            ? Optional.of(Long.toUnsignedString(Long.parseUnsignedLong(page.getCursor()) * MASTERS + master))
                            : master + 1 < masters.size() ? Optional.of(Integer.toString(master + 1)) : Optional.empty();
                    return new RedisConnector.KeyPage(page.getKeys(), next);
                });
    }
}
