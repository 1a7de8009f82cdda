package org.kunnafoni.radio;

import org.kunnafoni.triage.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A radio campaign: one awareness topic, aired by every partner serving one of the regions, over local dates. */
public record RadioCampaign(String id, String topic, List<String> regions, List<Language> languages,
                            LocalDate first, LocalDate last, String createdBy, Instant createdAt) {
    public RadioCampaign {
        regions = List.copyOf(regions);
        languages = List.copyOf(languages);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the campaign ends before it starts");
        }
    }
}
