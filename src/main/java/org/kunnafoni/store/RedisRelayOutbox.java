package org.kunnafoni.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.channel.relay.RelayOutbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** The relay outbox in Redis: per device, a sorted set of due times plus hashes (keys in {@link RedisKeys}). */
public final class RedisRelayOutbox implements RelayOutbox {
    private static final RedisScript PUT = RedisScript.load("relay_put.lua");
    private static final RedisScript LEASE = RedisScript.load("relay_lease.lua");
    private static final RedisScript CONFIRM = RedisScript.load("relay_confirm.lua");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisConnector redis;

    public RedisRelayOutbox(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Boolean> put(String deviceId, Outgoing message, Instant now) {
        return PUT.<Long>run(redis.async(), ScriptOutputType.INTEGER,
                        new String[]{RedisKeys.relayOutbox(deviceId), RedisKeys.relayMessages(deviceId),
                                RedisKeys.relayAwaiting(deviceId)},
                        Long.toString(now.toEpochMilli()), message.uuid(), payload(message))
                .thenApply(added -> added == 1L);
    }

    @Override
    public CompletionStage<Lease> lease(String deviceId, int max, Instant now, Duration lease, int maxHandouts) {
        return LEASE.<List<Object>>run(redis.async(), ScriptOutputType.MULTI,
                        new String[]{RedisKeys.relayOutbox(deviceId), RedisKeys.relayMessages(deviceId),
                                RedisKeys.relayHandouts(deviceId)},
                        Long.toString(now.toEpochMilli()), Long.toString(now.plus(lease).toEpochMilli()),
                        Integer.toString(max), Integer.toString(maxHandouts))
                .thenApply(RedisRelayOutbox::toLease);
    }

    @Override
    public CompletionStage<List<String>> confirm(String deviceId, List<String> uuids, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(now.toEpochMilli()));
        args.addAll(uuids);
        return CONFIRM.<List<Object>>run(redis.async(), ScriptOutputType.MULTI,
                        new String[]{RedisKeys.relayOutbox(deviceId), RedisKeys.relayMessages(deviceId),
                                RedisKeys.relayHandouts(deviceId), RedisKeys.relayAwaiting(deviceId)},
                        args.toArray(String[]::new))
                .thenApply(RedisRelayOutbox::strings);
    }

    @Override
    public CompletionStage<List<String>> awaitingResults(String deviceId, int max, Instant since) {
        String key = RedisKeys.relayAwaiting(deviceId);
        return redis.async().zremrangebyscore(key, Range.create(Double.NEGATIVE_INFINITY, (double) since.toEpochMilli() - 1))
                .thenCompose(dropped -> redis.async().zrange(key, 0, max - 1L));
    }

    @Override
    public CompletionStage<Set<String>> owned(String deviceId, List<String> uuids) {
        return redis.async().zmscore(RedisKeys.relayAwaiting(deviceId), uuids.toArray(String[]::new))
                .thenApply(scores -> {
                    Set<String> mine = new HashSet<>();
                    for (int i = 0; i < uuids.size(); i++) {
                        if (scores.get(i) != null) {
                            mine.add(uuids.get(i));
                        }
                    }
                    return mine;
                });
    }

    @Override
    public CompletionStage<Void> settle(String deviceId, List<String> uuids) {
        return redis.async().zrem(RedisKeys.relayAwaiting(deviceId), uuids.toArray(String[]::new))
                .thenApply(n -> null);
    }

    private static String payload(Outgoing message) {
        try {
            return JSON.writeValueAsString(Map.of("to", message.encryptedTo(), "message", message.message()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Lease toLease(List<Object> reply) {
        List<Object> pairs = (List<Object>) reply.get(0);
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            messages.add(outgoing((String) pairs.get(i), (String) pairs.get(i + 1)));
        }
        return new Lease(messages, strings((List<Object>) reply.get(1)));
    }

    private static Outgoing outgoing(String uuid, String payload) {
        try {
            Map<?, ?> fields = JSON.readValue(payload, Map.class);
            return new Outgoing(uuid, String.valueOf(fields.get("to")), String.valueOf(fields.get("message")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable relay message " + uuid, e);
        }
    }

    private static List<String> strings(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
