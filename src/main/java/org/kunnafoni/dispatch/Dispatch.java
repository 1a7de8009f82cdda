package org.kunnafoni.dispatch;

import org.kunnafoni.text.SegmentCounter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to one recipient from one campaign run. The id is derived from run and recipient, so a fan-out
 * that is replayed after a crash plans the same dispatch again instead of a second one.
 *
 * @param recipient the subscriber's pseudonym; the number is looked up (and decrypted) only at send time
 * @param sender    the sender id the rate limit applies to (messaging service SID, number or alphanumeric id)
 * @param validUntil when a campaign's validity ends: a dispatch not handed to a provider by then is expired
 */
public record Dispatch(
        String id,
        String runId,
        String recipient,
        Optional<String> region,
        String channel,
        String sender,
        String body,
        int segments,
        DispatchState state,
        int attempts,
        Optional<String> providerId,
        Optional<String> lastError,
        Instant updatedAt,
        Optional<Instant> validUntil) {

    public Dispatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
        region = region == null ? Optional.empty() : region;
        providerId = providerId == null ? Optional.empty() : providerId;
        lastError = lastError == null ? Optional.empty() : lastError;
        validUntil = validUntil == null ? Optional.empty() : validUntil;
        if (segments < 1) {
            throw new IllegalArgumentException("segments must be at least 1");
        }
    }

    /** A new dispatch, costed in segments (GSM-7 or UCS-2) from its body. */
    public static Dispatch planned(String runId, String recipient, Optional<String> region, String channel,
                                   String sender, String body, Instant at) {
        int segments = segmentsOf(body);
        return new Dispatch(idFor(runId, recipient), runId, recipient, region, channel, sender, body, segments,
                DispatchState.PLANNED, 0, Optional.empty(), Optional.empty(), at, Optional.empty());
    }

    /** The same dispatch with a validity end (a campaign run's due time + validity). */
    public Dispatch withValidUntil(Optional<Instant> until) {
        return new Dispatch(id, runId, recipient, region, channel, sender, body, segments, state, attempts, providerId,
                lastError, updatedAt, until);
    }

    /** True when it may no longer leave at {@code now}. */
    public boolean expiredAt(Instant now) {
        return validUntil.filter(until -> !now.isBefore(until)).isPresent();
    }

    /** What one message of {@code body} costs: its segment count (GSM-7 or UCS-2), at least one. */
    public static int segmentsOf(String body) {
        return Math.max(1, SegmentCounter.count(body).segments());
    }

    /** The same planned message for another recipient of the run (its own id). */
    public Dispatch forRecipient(String other) {
        return new Dispatch(idFor(runId, other), runId, other, region, channel, sender, body, segments, state, attempts,
                providerId, lastError, updatedAt, validUntil);
    }

    /** {@code D-} and 24 hex digits of SHA-256(run, recipient): stable, short, and safe in keys and URLs. */
    public static String idFor(String runId, String recipient) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((runId + "\u0000" + recipient).getBytes(StandardCharsets.UTF_8));
            return "D-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "Dispatch[id=" + id + ", run=" + runId + ", recipient=" + recipient + ", channel=" + channel
                + ", state=" + state.id() + ", attempts=" + attempts + "]";
    }
}
