package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import org.kunnafoni.dispatch.DispatchQueue;
import org.kunnafoni.dispatch.PlannedRecipient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The dispatch queue as a Redis stream with a consumer group, shared by every gateway instance, plus a sorted set
 * for dispatches that wait for a time. An entry is acknowledged (and deleted) only after the pipeline recorded its
 * outcome, so a crashed worker's entries are taken over by XAUTOCLAIM once idle for {@code reclaimIdle}.
 */
public final class RedisDispatchQueue implements DispatchQueue, AutoCloseable {
    private static final RedisScript PROMOTE = RedisScript.load("dispatch_promote.lua");
    private static final RedisScript ENQUEUE_ALL = RedisScript.load("dispatch_enqueue_all.lua");
    private static final RedisScript ENQUEUE_PLANNED = RedisScript.load("dispatch_enqueue_planned.lua");
    private static final int PROMOTE_LIMIT = 500;
    private static final String FIELD = "dispatch";

    private final RedisConnector redis;
    private final StreamGroupReader reader;

    public RedisDispatchQueue(RedisConnector redis, Duration reclaimIdle) {
        this.redis = redis;
        this.reader = new StreamGroupReader(redis, RedisKeys.DISPATCH_STREAM, RedisKeys.DISPATCH_GROUP, "0",
                reclaimIdle);
    }

    @Override
    public CompletionStage<Void> enqueue(String dispatchId) {
        return redis.async().xadd(RedisKeys.DISPATCH_STREAM, FIELD, dispatchId).thenApply(id -> null);
    }

    @Override
    public CompletionStage<Void> enqueueAll(List<String> dispatchIds) {
        return dispatchIds.isEmpty() ? CompletableFuture.completedFuture(null)
                : ENQUEUE_ALL.<Long>run(redis.async(), ScriptOutputType.INTEGER, new String[]{RedisKeys.DISPATCH_STREAM},
                dispatchIds.toArray(String[]::new)).thenApply(n -> null);
    }

    /** One script per run × region × language in the list (a fan-out page is one). */
    @Override
    public CompletionStage<Void> enqueuePlanned(List<PlannedRecipient> recipients) {
        Map<List<String>, List<String>> byCell = new LinkedHashMap<>();
        for (PlannedRecipient r : recipients) {
            byCell.computeIfAbsent(List.of(r.runId(), r.region(), r.language()), k -> new ArrayList<>())
                    .add(r.recipient());
        }
        List<CompletableFuture<Long>> appended = new ArrayList<>();
        byCell.forEach((cell, pseudonyms) -> {
            List<String> args = new ArrayList<>(cell);
            args.addAll(pseudonyms);
            appended.add(ENQUEUE_PLANNED.<Long>run(redis.async(), ScriptOutputType.INTEGER,
                    new String[]{RedisKeys.DISPATCH_STREAM}, args.toArray(String[]::new)).toCompletableFuture());
        });
        return CompletableFuture.allOf(appended.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletionStage<Void> schedule(String dispatchId, Instant due) {
        return redis.async().zadd(RedisKeys.DISPATCH_DELAYED, due.toEpochMilli(), dispatchId).thenApply(n -> null);
    }

    @Override
    public CompletionStage<java.util.Optional<Instant>> nextDue() {
        return redis.async().zrangeWithScores(RedisKeys.DISPATCH_DELAYED, 0, 0).thenApply(first -> first.isEmpty()
                ? java.util.Optional.<Instant>empty()
                : java.util.Optional.of(Instant.ofEpochMilli((long) first.get(0).getScore())));
    }

    @Override
    public CompletionStage<Integer> promoteDue(Instant now) {
        return PROMOTE.<Long>run(redis.async(), ScriptOutputType.INTEGER,
                new String[]{RedisKeys.DISPATCH_DELAYED, RedisKeys.DISPATCH_STREAM},
                Long.toString(now.toEpochMilli()), Integer.toString(PROMOTE_LIMIT)).thenApply(Long::intValue);
    }

    @Override
    public CompletionStage<List<Entry>> take(String consumer, int max, Duration block) {
        return reader.take(consumer, max, block).thenApply(RedisDispatchQueue::entries);
    }

    @Override
    public CompletionStage<Void> ack(Entry entry) {
        return reader.ack(entry.entryId())
                .thenCompose(n -> redis.async().xdel(RedisKeys.DISPATCH_STREAM, entry.entryId()))
                .thenApply(n -> null);
    }

    /** A dispatch id, or a lazily planned recipient (fields run, to, region, lang; see the enqueue script). */
    private static List<Entry> entries(List<StreamMessage<String, String>> messages) {
        List<Entry> entries = new ArrayList<>();
        for (StreamMessage<String, String> m : messages) {
            Map<String, String> b = m.getBody();
            if (b.get(FIELD) != null) {
                entries.add(new Entry(m.getId(), b.get(FIELD)));
            } else if (b.get("run") != null && b.get("to") != null && b.get("region") != null && b.get("lang") != null) {
                entries.add(Entry.planned(m.getId(), new PlannedRecipient(b.get("run"), b.get("to"), b.get("region"),
                        b.get("lang"))));
            }
        }
        return entries;
    }

    @Override
    public void close() {
        reader.close();
    }
}
