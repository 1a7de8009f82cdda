package org.kunnafoni.radio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The occurrences of a partner's weekly slots within a date range, in air order. */
public final class AirTimes {
    /** Stations air on Mali time; Mali keeps UTC all year, but the zone is named so the rule stays in one place. */
    public static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    private AirTimes() {
    }

    public record Occurrence(BroadcastSlot slot, Instant at) {
    }

    /** Slots from {@code first} to {@code last} (inclusive, local dates) that start after {@code now}. */
    public static List<Occurrence> between(List<BroadcastSlot> slots, LocalDate first, LocalDate last, Instant now) {
        List<Occurrence> out = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (BroadcastSlot slot : slots) {
                if (slot.day() == day.getDayOfWeek()) {
                    Instant at = day.atTime(slot.start()).atZone(BAMAKO).toInstant();
                    if (at.isAfter(now)) {
                        out.add(new Occurrence(slot, at));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Occurrence::at));
        return out;
    }
}
