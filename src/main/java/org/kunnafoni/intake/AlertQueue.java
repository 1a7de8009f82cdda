package org.kunnafoni.intake;

import java.util.concurrent.CompletionStage;

/** Port to the durable intake stream that triage workers read. */
public interface AlertQueue {
    /**
     * Appends the alert unless its provider id was seen within the dedupe window, counting it against its
     * reporter's per-window limit; atomic.
     */
    CompletionStage<EnqueueResult> append(Alert alert);

    /**
     * Appends several alerts in their order, all or none (the spool replay): a failure can never leave a later
     * alert stored before an earlier one. The results are in the alerts' order.
     */
    CompletionStage<java.util.List<EnqueueResult>> appendAll(java.util.List<Alert> alerts);

    sealed interface EnqueueResult {
        /** {@code flood}: the sender was over its limit, so the entry is flagged and triage leaves it out. */
        record Enqueued(String entryId, boolean flood) implements EnqueueResult {
        }

        record Duplicate() implements EnqueueResult {
        }
    }
}
