package org.kunnafoni.dispatch;

import java.util.Objects;

/**
 * One recipient of a campaign run as the fan-out queues it: no dispatch exists yet. The worker that takes it
 * creates the dispatch from the run's {@link RunPlan} under the id derived from run and recipient, so the same
 * recipient queued twice (a resumed fan-out) is still one dispatch.
 *
 * @param language ISO 639-3 code of the audience the recipient was read from (which text of the run)
 */
public record PlannedRecipient(String runId, String recipient, String region, String language) {
    public PlannedRecipient {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(language, "language");
    }

    public String dispatchId() {
        return Dispatch.idFor(runId, recipient);
    }
}
