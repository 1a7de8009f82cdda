package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** The intake stream in Redis: dedupe marker and XADD in one atomic script. */
public final class RedisAlertQueue implements AlertQueue {
    private static final RedisScript APPEND = RedisScript.load("intake_append.lua");

    private final RedisConnector redis;
    private final String ttlMillis;

    public RedisAlertQueue(RedisConnector redis, Duration dedupeTtl) {
        this.redis = redis;
        this.ttlMillis = Long.toString(dedupeTtl.toMillis());
    }

    @Override
    public CompletionStage<EnqueueResult> append(Alert alert) {
        InboundMessage m = alert.message();
        String[] keys = {RedisKeys.intakeSeen(m.channel(), m.dedupeId()), RedisKeys.INTAKE_STREAM};
        return APPEND.<String>run(redis.onThisLoop(), ScriptOutputType.VALUE, keys, arguments(alert))
                .thenApply(id -> id == null ? new EnqueueResult.Duplicate() : new EnqueueResult.Enqueued(id));
    }

    /** Stream entry layout; the triage worker reads the same names (see {@link IntakeEntryFields}). */
    private String[] arguments(Alert alert) {
        InboundMessage m = alert.message();
        List<String> args = new ArrayList<>(20);
        args.add(ttlMillis);
        add(args, IntakeEntryFields.CHANNEL, m.channel());
        add(args, IntakeEntryFields.KIND, m.kind().id());
        add(args, IntakeEntryFields.PROVIDER_ID, m.providerId());
        m.deviceId().ifPresent(d -> add(args, IntakeEntryFields.DEVICE_ID, d));
        add(args, IntakeEntryFields.REPORTER, alert.reporter());
        add(args, IntakeEntryFields.PHONE_ENC, alert.encryptedPhone());
        add(args, IntakeEntryFields.TO, m.to());
        add(args, IntakeEntryFields.BODY, m.body());
        add(args, IntakeEntryFields.RECEIVED_AT, m.receivedAt().toString());
        return args.toArray(String[]::new);
    }

    private static void add(List<String> args, String field, String value) {
        args.add(field);
        args.add(value);
    }
}
