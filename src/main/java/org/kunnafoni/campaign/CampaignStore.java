package org.kunnafoni.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Port to where campaigns, their runs and the index of due runs are kept, shared by every gateway instance. The
 * claim is the step that makes one run fan out on one instance at a time.
 */
public interface CampaignStore {
    /** Saves a new campaign; true unless one with that id exists. */
    CompletionStage<Boolean> create(Campaign campaign);

    CompletionStage<Optional<Campaign>> find(String id);

    /** Newest first, at most {@code limit}. */
    CompletionStage<List<Campaign>> recent(int limit);

    /**
     * Moves a campaign that is not finished to {@code status}; false (and nothing changes) when it is done or
     * canceled, so a scheduler never revives a campaign staff canceled meanwhile.
     */
    CompletionStage<Boolean> updateStatus(String campaignId, CampaignStatus status);

    /** Cancels a campaign even when it is done (every run planned) but not canceled; false when already canceled. */
    CompletionStage<Boolean> cancelEvenIfDone(String campaignId);

    /** Adds a run to the due index unless it is already known (same campaign and due time = same run). */
    CompletionStage<Void> scheduleRun(String campaignId, Instant due);

    /**
     * Takes up to {@code max} runs due by {@code now}: first those whose claimer's lease ran out (it died mid-way),
     * then due ones. Atomic: two instances never get the same run while its lease lasts.
     */
    CompletionStage<List<Claimed>> claimDue(Instant now, Duration lease, int max);

    /** Keeps a claimed run's lease during a long fan-out; false when the run is no longer claimed by anyone. */
    CompletionStage<Boolean> renewLease(String runId, Instant until);

    /** Where a fan-out got to: which audience cell and the cursor in it (resumed after a crash). */
    CompletionStage<Void> checkpoint(String runId, int cell, Optional<String> cursor);

    CompletionStage<Optional<Checkpoint>> checkpoint(String runId);

    /** Records a dispatch of the run, so canceling the run can find the ones still waiting. */
    CompletionStage<Void> addDispatch(String runId, String dispatchId);

    /** {@link #addDispatch} for a fan-out page. */
    default CompletionStage<Void> addDispatches(String runId, List<String> dispatchIds) {
        return CompletableFuture.allOf(dispatchIds.stream().map(id -> addDispatch(runId, id).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Counts a fan-out page of recipients into the run's progress (planned, segments), each recipient once however
     * often it is added, and remembers them so a cancel finds their dispatches; answers how many were new.
     */
    CompletionStage<Long> addRecipients(String runId, List<String> pseudonyms, int segmentsEach);

    /** Marks the run finished with {@code status} and releases its claim. */
    CompletionStage<Void> finishRun(String runId, CampaignRun.Status status, Instant at);

    /** Removes the campaign's runs that have not been claimed from the due index; answers their ids. */
    CompletionStage<List<String>> unscheduleRuns(String campaignId);

    /** Cancels every dispatch of the run that is still waiting; answers how many. */
    CompletionStage<Long> cancelWaitingDispatches(String runId, String reason, Instant at);

    /** The campaign's runs, oldest first. */
    CompletionStage<List<CampaignRun>> runs(String campaignId);

    CompletionStage<RunProgress> progress(String runId);

    /** @param reclaimed true when an earlier claimer's lease expired (its fan-out may be half done) */
    record Claimed(String runId, boolean reclaimed) {
    }

    record Checkpoint(int cell, Optional<String> cursor) {
    }
}
