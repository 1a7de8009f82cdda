package org.kunnafoni.store;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import org.kunnafoni.campaign.Audience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Campaign audiences from the per region × language sets the subscriber store keeps: SCARD to count, SSCAN to read. */
public final class RedisAudience implements Audience {
    private final RedisConnector redis;

    public RedisAudience(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Map<Cell, Long>> count(List<Cell> cells) {
        Map<Cell, CompletableFuture<Long>> counts = new LinkedHashMap<>();
        cells.forEach(cell -> counts.put(cell, redis.async().scard(key(cell)).toCompletableFuture()));
        return CompletableFuture.allOf(counts.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<Cell, Long> out = new LinkedHashMap<>();
            counts.forEach((cell, n) -> out.put(cell, n.join()));
            return out;
        });
    }

    @Override
    public CompletionStage<Page> page(Cell cell, Optional<String> cursor, int size) {
        ScanCursor start = cursor.map(ScanCursor::of).orElse(ScanCursor.INITIAL);
        return redis.async().sscan(key(cell), start, ScanArgs.Builder.limit(size)).thenApply(scan -> new Page(
                scan.getValues(), scan.isFinished() ? Optional.empty() : Optional.of(scan.getCursor())));
    }

    private static String key(Cell cell) {
        return RedisKeys.audience(cell.region(), cell.language().code());
    }
}
