package org.kunnafoni.store;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import org.kunnafoni.lead.ReportOrigins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads single entries of the intake stream. Only {@link #encryptedPhone} touches {@code phone_enc}, and only the
 * reveal route calls it; everything else reads the channel alone.
 */
public final class RedisReportOrigins implements ReportOrigins {
    private final RedisConnector redis;

    public RedisReportOrigins(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Map<String, String>> channels(List<String> entryIds) {
        return RedisLeadReview.all(entryIds.stream().map(this::entry).toList()).thenApply(entries -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < entryIds.size(); i++) {
                String id = entryIds.get(i);
                entries.get(i).map(body -> body.get(IntakeEntryFields.CHANNEL)).ifPresent(c -> out.put(id, c));
            }
            return out;
        });
    }

    @Override
    public CompletionStage<Optional<String>> encryptedPhone(String entryId) {
        return entry(entryId).thenApply(body -> body.map(b -> b.get(IntakeEntryFields.PHONE_ENC)));
    }

    private CompletionStage<Optional<Map<String, String>>> entry(String entryId) {
        if (!entryId.matches("\\d{1,20}-\\d{1,20}")) {
            return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
        }
        return redis.async().xrange(RedisKeys.INTAKE_STREAM, Range.create(entryId, entryId))
                .thenApply(found -> found.stream().findFirst().map(StreamMessage::getBody));
    }
}
