package org.kunnafoni.radio;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Port to the reviewed leads: how many leads monitors verified per region since a time. Counts only. */
public interface VerifiedLeadCounts {
    VerifiedLeadCounts NONE = since -> java.util.concurrent.CompletableFuture.completedFuture(Map.of());

    CompletionStage<Map<String, Long>> verifiedByRegion(Instant since);
}
