package org.kunnafoni.dispatch;

import java.time.Instant;

/** What the worker does with a dispatch after one pipeline run. */
public sealed interface PipelineOutcome {
    /** Nothing more to do here: sent, finished, skipped, missing, or another worker has it. */
    record Done(String dispatchId, String state) implements PipelineOutcome {
    }

    /** Run the pipeline again for this dispatch at {@code due} (quiet hours, rate limit, back-off, held). */
    record Later(String dispatchId, Instant due, String why) implements PipelineOutcome {
    }
}
