package org.kunnafoni.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The escalations stream read by a consumer group shared by every gateway instance: each escalation is handled by
 * one of them, and an entry whose reader died is taken over once idle for {@code reclaimIdle}.
 */
public final class RedisEscalationFeed implements AutoCloseable {
    /** One escalated lead; {@code entryId} is what {@link #ack} needs. */
    public record Entry(String entryId, String leadId) {
    }

    private final RedisConnector redis;
    private final Duration reclaimIdle;
    private final StatefulRedisConnection<String, String> blocking;

    public RedisEscalationFeed(RedisConnector redis, Duration reclaimIdle) {
        this.redis = redis;
        this.reclaimIdle = reclaimIdle;
        this.blocking = redis.newConnection();
        createGroup();
    }

    private void createGroup() {
        try {
            // "$": escalations written before on-call SMS was switched on are not sent days late
            redis.async().xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.ESCALATIONS, "$"),
                    RedisKeys.ESCALATION_SMS_GROUP, XGroupCreateArgs.Builder.mkstream()).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof RedisBusyException)) {
                throw e;
            }
        }
    }

    public CompletionStage<List<Entry>> take(String consumer, int max, Duration block) {
        Consumer<String> me = Consumer.from(RedisKeys.ESCALATION_SMS_GROUP, consumer);
        XAutoClaimArgs<String> abandoned = new XAutoClaimArgs<String>().consumer(me).minIdleTime(reclaimIdle)
                .startId("0-0").count(max);
        return redis.async().xautoclaim(RedisKeys.ESCALATIONS, abandoned).thenCompose(claimed -> {
            List<Entry> entries = new ArrayList<>(entries(claimed.getMessages()));
            if (!entries.isEmpty()) {
                return CompletableFuture.completedFuture(entries);
            }
            return blocking.async().xreadgroup(me, XReadArgs.Builder.count(max).block(block),
                    XReadArgs.StreamOffset.lastConsumed(RedisKeys.ESCALATIONS)).thenApply(RedisEscalationFeed::entries);
        });
    }

    public CompletionStage<Void> ack(Entry entry) {
        return redis.async().xack(RedisKeys.ESCALATIONS, RedisKeys.ESCALATION_SMS_GROUP, entry.entryId())
                .thenApply(n -> null);
    }

    private static List<Entry> entries(List<StreamMessage<String, String>> messages) {
        List<Entry> out = new ArrayList<>();
        if (messages != null) {
            for (StreamMessage<String, String> m : messages) {
                if (m.getBody() != null && m.getBody().get("lead_id") != null) {
                    out.add(new Entry(m.getId(), m.getBody().get("lead_id")));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        blocking.close();
    }
}
