package org.kunnafoni.dispatch;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every dispatch of one campaign run shares, stored once per run when its fan-out starts (instead of once
 * per recipient): the text per language, the channel and sender id, and when the run's validity ends.
 *
 * @param bodies language code → rendered text
 */
public record RunPlan(String runId, String channel, String sender, Map<String, String> bodies,
                      Optional<Instant> validUntil) {
    public RunPlan {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sender, "sender");
        bodies = Map.copyOf(bodies);
        validUntil = validUntil == null ? Optional.empty() : validUntil;
    }

    /** The planned dispatch for one recipient; empty when the run has no text in the recipient's language. */
    public Optional<Dispatch> dispatchFor(PlannedRecipient r, Instant at) {
        return Optional.ofNullable(bodies.get(r.language())).map(body -> Dispatch.planned(runId, r.recipient(),
                Optional.of(r.region()), channel, sender, body, at).withValidUntil(validUntil));
    }
}
