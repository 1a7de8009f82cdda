package org.kunnafoni.dispatch;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Told about every dispatch created and every state change a store applied, so that the run a dispatch belongs to
 * can keep live counters (a campaign's progress) without reading a million dispatches. Called after the change,
 * not inside it: a process that dies in between leaves a counter one short, never a dispatch in a wrong state.
 */
public interface DispatchProgress {
    DispatchProgress NONE = new DispatchProgress() {
        @Override
        public CompletionStage<Void> created(Dispatch dispatch) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> moved(String runId, DispatchState from, DispatchState to, Optional<String> reason) {
            return CompletableFuture.completedFuture(null);
        }
    };

    CompletionStage<Void> created(Dispatch dispatch);

    /** Many created at once (a fan-out page); stores override it to update each run's counters once. */
    default CompletionStage<Void> createdAll(List<Dispatch> dispatches) {
        return CompletableFuture.allOf(dispatches.stream().map(d -> created(d).toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** {@code reason} is the error recorded with the change (why it failed), if any. */
    CompletionStage<Void> moved(String runId, DispatchState from, DispatchState to, Optional<String> reason);
}
