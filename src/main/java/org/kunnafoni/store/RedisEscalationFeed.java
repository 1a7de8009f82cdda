package org.kunnafoni.store;

import io.lettuce.core.StreamMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The escalations stream read by a consumer group shared by every gateway instance: each escalation is handled by
 * one of them, and an entry whose reader died is taken over once idle for {@code reclaimIdle}.
 */
public final class RedisEscalationFeed implements AutoCloseable {
    /** One escalated lead; {@code entryId} is what {@link #ack} needs. */
    public record Entry(String entryId, String leadId) {
    }

    private final StreamGroupReader reader;

    public RedisEscalationFeed(RedisConnector redis, Duration reclaimIdle) {
        // "$": escalations written before on-call SMS was switched on are not sent days late
        this.reader = new StreamGroupReader(redis, RedisKeys.ESCALATIONS, RedisKeys.ESCALATION_SMS_GROUP, "$",
                reclaimIdle);
    }

    public CompletionStage<List<Entry>> take(String consumer, int max, Duration block) {
        return reader.take(consumer, max, block).thenApply(RedisEscalationFeed::entries);
    }

    public CompletionStage<Void> ack(Entry entry) {
        return reader.ack(entry.entryId()).thenApply(n -> null);
    }

    private static List<Entry> entries(List<StreamMessage<String, String>> messages) {
        return messages.stream().filter(m -> m.getBody().get("lead_id") != null)
                .map(m -> new Entry(m.getId(), m.getBody().get("lead_id"))).toList();
    }

    @Override
    public void close() {
        reader.close();
    }
}
