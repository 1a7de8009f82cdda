package org.kunnafoni.radio;

import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One broadcast: a rendered script for one partner and one slot. {@code language} is the script's own language
 * (the fallback's when the partner's language has none); {@code code} is what the station texts back;
 * {@code remindedAt} is when the station was reminded to confirm it (at most once).
 */
public record RadioScript(String id, String campaignId, String partnerId, String topic, Language language,
                          String region, Instant airAt, Duration slotLength, String code, String text,
                          Duration readingTime, BroadcastStatus status, Optional<String> reason,
                          Optional<Instant> remindedAt) {
    public RadioScript {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(airAt, "airAt");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? Optional.empty() : reason;
        remindedAt = remindedAt == null ? Optional.empty() : remindedAt;
        if (status == BroadcastStatus.MISSED) {
            throw new IllegalArgumentException("missed is derived from the clock, not stored");
        }
    }

    public boolean fitsSlot() {
        return readingTime.compareTo(slotLength) <= 0;
    }

    /** When the slot is over: the reminder and the missed deadline count from here. */
    public Instant slotEnd() {
        return airAt.plus(slotLength);
    }

    /**
     * The status as of {@code now}: a planned broadcast still unconfirmed {@code missedAfter} after its slot ended
     * is missed (before that the station may still confirm it, and is reminded to).
     */
    public BroadcastStatus statusAt(Instant now, Duration missedAfter) {
        return status == BroadcastStatus.PLANNED && !now.isBefore(slotEnd().plus(missedAfter))
                ? BroadcastStatus.MISSED : status;
    }

    public RadioScript confirmed(BroadcastStatus newStatus, Optional<String> why) {
        return new RadioScript(id, campaignId, partnerId, topic, language, region, airAt, slotLength, code, text,
                readingTime, newStatus, why, remindedAt);
    }

    public RadioScript reminded(Instant at) {
        return new RadioScript(id, campaignId, partnerId, topic, language, region, airAt, slotLength, code, text,
                readingTime, status, reason, Optional.of(at));
    }
}
