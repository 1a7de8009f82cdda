package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The intake stream in Redis: dedupe marker, per-sender counter and XADD in one atomic script. */
public final class RedisAlertQueue implements AlertQueue {
    private static final RedisScript APPEND = RedisScript.load("intake_append.lua");
    private static final RedisScript APPEND_BATCH = RedisScript.load("intake_append_batch.lua");

    private final RedisConnector redis;
    private final String ttlMillis;
    private final String senderLimit;
    private final long windowMillis;
    private final String senderCounterTtlMillis;

    /** {@code senderLimit} alerts per reporter per {@code senderWindow} before they are flagged; 0: no limit. */
    public RedisAlertQueue(RedisConnector redis, Duration dedupeTtl, int senderLimit, Duration senderWindow) {
        this.redis = redis;
        this.ttlMillis = Long.toString(dedupeTtl.toMillis());
        this.windowMillis = Math.max(1, senderWindow.toMillis());
        // a counter lives two windows, so an alert replayed from the spool a window late still finds its count
        this.senderCounterTtlMillis = Long.toString(2 * windowMillis);
        this.senderLimit = Integer.toString(senderLimit);
    }

    @Override
    public CompletionStage<EnqueueResult> append(Alert alert) {
        InboundMessage m = alert.message();
        String[] keys = {RedisKeys.intakeSeen(m.channel(), m.dedupeId()), RedisKeys.INTAKE_STREAM,
                RedisKeys.intakeSender(alert.reporter(), m.receivedAt().toEpochMilli() / windowMillis)};
        return APPEND.<List<Object>>run(redis.onThisLoop(), ScriptOutputType.MULTI, keys, arguments(alert))
                .thenApply(RedisAlertQueue::result);
    }

    @Override
    public CompletionStage<List<EnqueueResult>> appendAll(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(List.of());
        }
        List<String> keys = new ArrayList<>(1 + 2 * alerts.size());
        List<String> args = new ArrayList<>(3 + 24 * alerts.size());
        keys.add(RedisKeys.INTAKE_STREAM);
        args.add(ttlMillis);
        args.add(senderCounterTtlMillis);
        args.add(senderLimit);
        for (Alert alert : alerts) {
            InboundMessage m = alert.message();
            keys.add(RedisKeys.intakeSeen(m.channel(), m.dedupeId()));
            keys.add(RedisKeys.intakeSender(alert.reporter(), m.receivedAt().toEpochMilli() / windowMillis));
            List<String> fields = fields(alert);
            args.add(Integer.toString(fields.size()));
            args.addAll(fields);
        }
        return APPEND_BATCH.<List<Object>>run(redis.onThisLoop(), ScriptOutputType.MULTI, keys.toArray(String[]::new),
                args.toArray(String[]::new)).thenApply(replies -> replies.stream()
                .map(reply -> reply instanceof List<?> list ? result(castList(list)) : (EnqueueResult) new EnqueueResult.Duplicate())
                .toList());
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

    /** Stream entry layout; the triage worker reads the same names (see {@link IntakeEntryFields}). */
    private String[] arguments(Alert alert) {
        List<String> args = new ArrayList<>(22);
        args.add(ttlMillis);
        args.add(senderCounterTtlMillis);
        args.add(senderLimit);
        args.addAll(fields(alert));
        return args.toArray(String[]::new);
    }

    private static List<String> fields(Alert alert) {
        InboundMessage m = alert.message();
        List<String> args = new ArrayList<>(20);
        add(args, IntakeEntryFields.CHANNEL, m.channel());
        add(args, IntakeEntryFields.KIND, m.kind().id());
        add(args, IntakeEntryFields.PROVIDER_ID, m.providerId());
        m.deviceId().ifPresent(d -> add(args, IntakeEntryFields.DEVICE_ID, d));
        add(args, IntakeEntryFields.REPORTER, alert.reporter());
        add(args, IntakeEntryFields.PHONE_ENC, alert.encryptedPhone());
        add(args, IntakeEntryFields.TO, m.to());
        add(args, IntakeEntryFields.BODY, m.body());
        add(args, IntakeEntryFields.RECEIVED_AT, m.receivedAt().toString());
        return args;
    }

    private static void add(List<String> args, String field, String value) {
        args.add(field);
        args.add(value);
    }
}
