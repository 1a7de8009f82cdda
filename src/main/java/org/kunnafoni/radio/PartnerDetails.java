package org.kunnafoni.radio;

import org.kunnafoni.triage.Language;

import java.util.List;

/** What a supervisor gives for a partner; {@code numbers} are E.164 and only live here until encrypted. */
public record PartnerDetails(String station, List<String> regions, List<Language> languages,
                             List<BroadcastSlot> slots, List<String> numbers) {
    public PartnerDetails {
        regions = List.copyOf(regions);
        languages = List.copyOf(languages);
        slots = List.copyOf(slots);
        numbers = List.copyOf(numbers);
    }

    @Override
    public String toString() {
        return "PartnerDetails[" + station + ", " + regions + ", " + languages + ", " + slots.size() + " slots]";
    }
}
