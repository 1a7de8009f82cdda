package org.kunnafoni.lead;

import org.kunnafoni.triage.Category;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where leads live (Redis in production). */
public interface LeadStore {
    /** Open leads of one region (null: no region) and category active within {@code window} of {@code around}. */
    CompletionStage<List<LeadCandidate>> candidates(String region, Category category, Instant around, Duration window);

    /**
     * {@link #candidates} plus which of {@code entryIds} (intake entries of this region about to be written) are
     * already written, in one read. This default reads only the candidates and reports no entry as written.
     */
    default CompletionStage<CandidateRead> read(String region, Category category, Instant around, Duration window,
                                                List<String> entryIds) {
        return candidates(region, category, around, window).thenApply(c -> new CandidateRead(c, java.util.Map.of()));
    }

    /**
     * Writes the report into the decided lead, or into a new one when the decision is {@code Open} or the chosen
     * lead was closed meanwhile. Atomic and idempotent per intake entry.
     */
    CompletionStage<LeadWrite> write(TriagedReport report, ClusterDecision decision);

    CompletionStage<Optional<LeadDetail>> find(String leadId);

    /** Leads by priority score, then most recent activity, highest first. */
    CompletionStage<List<Lead>> listByScore(int offset, int limit);
}
