package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Moves poison intake entries to {@link RedisKeys#INTAKE_DEAD_LETTERS}, acknowledging them in the same script. */
public final class RedisDeadLetters {
    private static final RedisScript DEAD_LETTER = RedisScript.load("intake_dead_letter.lua");
    /** Long stack traces would bloat the stream; the first line says what failed. */
    private static final int MAX_ERROR_LENGTH = 500;

    private RedisDeadLetters() {
    }

    /** @return true if this call moved the entry, false if it was no longer pending */
    public static CompletionStage<Boolean> move(RedisClusterAsyncCommands<String, String> redis, String entryId,
                                                Map<String, String> fields, long deliveries, String error,
                                                Instant at) {
        String[] keys = {RedisKeys.INTAKE_STREAM, RedisKeys.INTAKE_DEAD_LETTERS, RedisKeys.INTAKE_DEAD_LETTER_COUNT};
        List<String> args = new ArrayList<>(List.of(RedisKeys.TRIAGE_GROUP, entryId, Long.toString(deliveries),
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error, at.toString()));
        if (fields != null) {
            fields.forEach((name, value) -> {
                args.add(name);
                args.add(value);
            });
        }
        return DEAD_LETTER.<Long>run(redis, ScriptOutputType.INTEGER, keys, args.toArray(String[]::new))
                .thenApply(moved -> moved == 1L);
    }
}
