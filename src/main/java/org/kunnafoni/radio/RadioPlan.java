package org.kunnafoni.radio;

import java.util.List;

/**
 * What a campaign airs: one script per partner slot, and the partners it cannot serve well — no script in the
 * partner's language (the declared fallback is planned instead), no campaign language, or no slot in the dates.
 */
public record RadioPlan(List<RadioScript> scripts, List<Gap> gaps) {
    public RadioPlan {
        scripts = List.copyOf(scripts);
        gaps = List.copyOf(gaps);
    }

    public record Gap(String partnerId, String station, String problem) {
    }

    public long tooLong() {
        return scripts.stream().filter(s -> !s.fitsSlot()).count();
    }
}
