package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import io.netty.channel.EventLoop;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The intake stream in Redis: dedupe marker, per-sender counter and XADD for each alert, a batch of alerts in one
 * atomic script (live alerts batched per event-loop turn, spool replays in pages).
 */
public final class RedisAlertQueue implements AlertQueue {
    private static final RedisScript APPEND_BATCH = RedisScript.load("intake_append_batch.lua");

    private final RedisConnector redis;
    private final String ttlMillis;
    private final String senderLimit;
    private final long windowMillis;
    private final String senderCounterTtlMillis;
    private final ReplicaWait replicaWait;
    private final TurnBatches turns = new TurnBatches(this::appendAll);

    /** {@code senderLimit} alerts per reporter per {@code senderWindow} before they are flagged; 0: no limit. */
    public RedisAlertQueue(RedisConnector redis, Duration dedupeTtl, int senderLimit, Duration senderWindow) {
        this(redis, dedupeTtl, senderLimit, senderWindow, ReplicaWait.NONE);
    }

    /** {@code replicaWait}: an append counts only once that many replicas have it (see {@link ReplicaWait}). */
    public RedisAlertQueue(RedisConnector redis, Duration dedupeTtl, int senderLimit, Duration senderWindow,
                           ReplicaWait replicaWait) {
        this.redis = redis;
        this.replicaWait = replicaWait;
        this.ttlMillis = Long.toString(dedupeTtl.toMillis());
        this.windowMillis = Math.max(1, senderWindow.toMillis());
        // a counter lives two windows, so an alert replayed from the spool a window late still finds its count
        this.senderCounterTtlMillis = Long.toString(2 * windowMillis);
        this.senderLimit = Integer.toString(senderLimit);
    }

    /**
     * On an HTTP event loop with its own Redis connection, the alert joins that loop's batch for this turn
     * ({@link TurnBatches}); elsewhere it is a batch of one.
     */
    @Override
    public CompletionStage<EnqueueResult> append(Alert alert) {
        Optional<EventLoop> loop = redis.currentLoop();
        if (loop.isPresent()) {
            return turns.add(loop.get(), alert);
        }
        return appendAll(List.of(alert)).thenApply(results -> results.get(0));
    }

    @Override
    public CompletionStage<List<EnqueueResult>> appendAll(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(List.of());
        }
        List<String> keys = new ArrayList<>(1 + 2 * alerts.size());
        List<String> args = new ArrayList<>(4 + FIELD_NAMES.size() + 11 * alerts.size());
        keys.add(RedisKeys.INTAKE_STREAM);
        args.add(ttlMillis);
        args.add(senderCounterTtlMillis);
        args.add(senderLimit);
        args.add(FIELD_COUNT);
        args.addAll(FIELD_NAMES);
        for (Alert alert : alerts) {
            InboundMessage m = alert.message();
            keys.add(RedisKeys.intakeSeen(m.channel(), m.dedupeId()));
            keys.add(RedisKeys.intakeSenders(m.receivedAt().toEpochMilli() / windowMillis));
            List<String> values = values(alert);
            args.add(alert.reporter());
            args.add(Integer.toString(values.size()));
            args.addAll(values);
        }
        var connection = redis.onThisLoop();
        return APPEND_BATCH.<List<Object>>run(connection, ScriptOutputType.MULTI, keys.toArray(String[]::new),
                args.toArray(String[]::new)).thenApply(replies -> replies.stream()
                .map(reply -> reply instanceof List<?> list ? result(castList(list)) : (EnqueueResult) new EnqueueResult.Duplicate())
                .toList())
                .thenCompose(results -> replicatedAll(connection, keys, results));
    }

    /** One WAIT for the batch; a duplicate's marker is touched first so the WAIT covers its original write too. */
    private CompletionStage<List<EnqueueResult>> replicatedAll(RedisClusterAsyncCommands<String, String> connection,
                                                               List<String> keys, List<EnqueueResult> results) {
        CompletionStage<Void> chain = replicaWait.confirm(connection);
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof EnqueueResult.Duplicate) {
                String marker = keys.get(1 + 2 * i);
                chain = chain.thenCompose(v -> replicaWait.confirmExisting(connection, marker, Long.parseLong(ttlMillis)));
            }
        }
        return chain.thenApply(v -> results);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> list) {
        return (List<Object>) list;
    }

    /** The script answers nil for a duplicate (no list, or a list holding nil, in a MULTI reply), else {id, flood}. */
    private static EnqueueResult result(List<Object> reply) {
        if (reply == null || reply.isEmpty() || reply.get(0) == null) {
            return new EnqueueResult.Duplicate();
        }
        return new EnqueueResult.Enqueued((String) reply.get(0), Long.valueOf(1).equals(reply.get(1)));
    }

    /**
     * Stream entry layout; the triage worker reads the same names (see {@link IntakeEntryFields}). The names go once
     * per script call, each alert's values in their order, the optional ones last (an alert without them sends fewer).
     */
    private static final List<String> FIELD_NAMES = List.of(IntakeEntryFields.CHANNEL, IntakeEntryFields.KIND,
            IntakeEntryFields.PROVIDER_ID, IntakeEntryFields.REPORTER, IntakeEntryFields.PHONE_ENC,
            IntakeEntryFields.TO, IntakeEntryFields.BODY, IntakeEntryFields.RECEIVED_AT, IntakeEntryFields.DEVICE_ID);
    private static final String FIELD_COUNT = Integer.toString(FIELD_NAMES.size());

    private static List<String> values(Alert alert) {
        InboundMessage m = alert.message();
        List<String> values = new ArrayList<>(FIELD_NAMES.size());
        values.add(m.channel());
        values.add(m.kind().id());
        values.add(m.providerId());
        values.add(alert.reporter());
        values.add(alert.encryptedPhone());
        values.add(m.to());
        values.add(m.body());
        values.add(m.receivedAt().toString());
        m.deviceId().ifPresent(values::add);
        return values;
    }
}
