package org.kunnafoni.campaign;

import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What staff ask for, already parsed (see {@link CampaignRequests}); not yet checked against templates. */
public record CampaignRequest(String topic, Map<String, String> variables, List<String> regions,
                              List<Language> languages, Schedule schedule, Duration validity, boolean transliterate,
                              CampaignChannel channel) {
    public CampaignRequest(String topic, Map<String, String> variables, List<String> regions,
                           List<Language> languages, Schedule schedule, Duration validity, boolean transliterate) {
        this(topic, variables, regions, languages, schedule, validity, transliterate, CampaignChannel.twilio());
    }

    public CampaignRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(validity, "validity");
        variables = Map.copyOf(variables);
        regions = List.copyOf(regions);
        languages = List.copyOf(languages);
    }
}
