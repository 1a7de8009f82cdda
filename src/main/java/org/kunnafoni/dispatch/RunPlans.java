package org.kunnafoni.dispatch;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Port to the stored {@link RunPlan}s, and to whether a run was stopped (its campaign canceled). */
public interface RunPlans {
    /** For a pipeline that only sends single dispatches (tests, tools): it has no campaign runs to plan. */
    RunPlans NONE = new RunPlans() {
        @Override
        public CompletionStage<Void> save(RunPlan plan) {
            return CompletableFuture.failedFuture(new IllegalStateException("this pipeline has no store of run plans"));
        }

        @Override
        public CompletionStage<Optional<RunPlan>> find(String runId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Boolean> stopped(String runId) {
            return CompletableFuture.completedFuture(false);
        }
    };

    /** Stores the plan unless the run has one: a resumed fan-out keeps the text its first half was planned with. */
    CompletionStage<Void> save(RunPlan plan);

    CompletionStage<Optional<RunPlan>> find(String runId);

    /** True when nothing more of the run may be sent (its campaign was canceled). */
    CompletionStage<Boolean> stopped(String runId);
}
