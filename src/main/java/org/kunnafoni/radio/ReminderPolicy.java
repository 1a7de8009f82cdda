package org.kunnafoni.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a station is reminded to confirm a broadcast, and when an unconfirmed one counts as missed. Both count
 * from the end of the slot: a reminder {@code after} it, missed {@code missedAfter} it. The reminder window is
 * what lies between, so a station is never reminded of a broadcast the report already calls missed (after an
 * outage of the gateway those would arrive in a burst, all too late to matter).
 */
public record ReminderPolicy(Duration after, Duration missedAfter) {
    public ReminderPolicy {
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("the reminder delay must be positive: " + after);
        }
        if (missedAfter.compareTo(after) <= 0) {
            throw new IllegalArgumentException("missed-after (" + missedAfter + ") must be longer than reminder-after ("
                    + after + ")");
        }
    }

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(Duration.ofHours(2), Duration.ofDays(2));

    /** What to do with a broadcast whose reminder time has come. */
    public sealed interface Decision {
        record Send() implements Decision {
        }

        /** No SMS; {@code why} is for the log. */
        record Skip(String why) implements Decision {
        }
    }

    /** Slots that ended at or before this instant are due for a reminder. */
    public Instant dueFor(Instant now) {
        return now.minus(after);
    }

    public BroadcastStatus status(RadioScript script, Instant now) {
        return script.statusAt(now, missedAfter);
    }

    /** For a broadcast claimed as due (its slot ended at least {@code after} ago). */
    public Decision decide(RadioScript script, Optional<RadioPartner> partner, Instant now) {
        if (script.status() != BroadcastStatus.PLANNED) {
            return new Decision.Skip(script.status().id());
        }
        if (script.remindedAt().isPresent()) {
            return new Decision.Skip("already reminded");
        }
        if (partner.isEmpty() || partner.get().revoked()) {
            return new Decision.Skip("partner revoked");
        }
        if (!now.isBefore(script.slotEnd().plus(missedAfter))) {
            return new Decision.Skip("already missed");
        }
        return new Decision.Send();
    }
}
