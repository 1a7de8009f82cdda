package org.kunnafoni.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Port to the shared queue of dispatch ids. An entry taken but not acknowledged (its worker died) is handed to
 * another worker after a while, so the pipeline must be idempotent per dispatch — which the store's claim is.
 */
public interface DispatchQueue {
    CompletionStage<Void> enqueue(String dispatchId);

    /** {@link #enqueue} for many ids (a fan-out page), in one round trip where the queue can. */
    default CompletionStage<Void> enqueueAll(List<String> dispatchIds) {
        return CompletableFuture.allOf(dispatchIds.stream().map(id -> enqueue(id).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Queues campaign recipients whose dispatches do not exist yet (see {@link PlannedRecipient}), one entry each,
     * in one round trip where the queue can.
     */
    CompletionStage<Void> enqueuePlanned(List<PlannedRecipient> recipients);

    /** When the earliest dispatch waiting for a time is due; empty when none waits. */
    default CompletionStage<java.util.Optional<Instant>> nextDue() {
        return CompletableFuture.completedFuture(java.util.Optional.empty());
    }

    /** Run the dispatch again at {@code due}; scheduling it twice keeps the later time. */
    CompletionStage<Void> schedule(String dispatchId, Instant due);

    /** Moves dispatches due by {@code now} into the queue; returns how many. */
    CompletionStage<Integer> promoteDue(Instant now);

    /** Up to {@code max} entries for this consumer: first ones abandoned by dead workers, then new ones. */
    CompletionStage<List<Entry>> take(String consumer, int max, Duration block);

    CompletionStage<Void> ack(Entry entry);

    /** @param planned present when the dispatch is created by the worker that takes the entry */
    record Entry(String entryId, String dispatchId, java.util.Optional<PlannedRecipient> planned) {
        public Entry(String entryId, String dispatchId) {
            this(entryId, dispatchId, java.util.Optional.empty());
        }

        public static Entry planned(String entryId, PlannedRecipient recipient) {
            return new Entry(entryId, recipient.dispatchId(), java.util.Optional.of(recipient));
        }
    }
}
