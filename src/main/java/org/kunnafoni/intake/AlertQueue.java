package org.kunnafoni.intake;

import java.util.concurrent.CompletionStage;

/** Port to the durable intake stream that triage workers read. */
public interface AlertQueue {
    /** Appends the alert unless its provider id was seen within the dedupe window; atomic. */
    CompletionStage<EnqueueResult> append(Alert alert);

    sealed interface EnqueueResult {
        record Enqueued(String entryId) implements EnqueueResult {
        }

        record Duplicate() implements EnqueueResult {
        }
    }
}
