package org.kunnafoni.campaign;

import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An awareness campaign: one template topic sent to the subscribers of some regions × languages on a schedule.
 *
 * @param variables    values for the template's variables (e.g. hotline), the same for every language
 * @param validity     how long after a run's due time its messages may still leave (quiet hours defer them)
 * @param transliterate send the GSM-7 transliteration instead of a UCS-2 text (about a third of the cost)
 * @param createdBy    the staff user name, for the audit trail
 * @param channel      Twilio, or the relay phones (one named phone or the region's)
 */
public record Campaign(String id, String topic, Map<String, String> variables, List<String> regions,
                       List<Language> languages, Schedule schedule, Duration validity, boolean transliterate,
                       CampaignStatus status, String createdBy, Instant createdAt, CampaignChannel channel) {
    /** A Twilio campaign. */
    public Campaign(String id, String topic, Map<String, String> variables, List<String> regions,
                    List<Language> languages, Schedule schedule, Duration validity, boolean transliterate,
                    CampaignStatus status, String createdBy, Instant createdAt) {
        this(id, topic, variables, regions, languages, schedule, validity, transliterate, status, createdBy, createdAt,
                CampaignChannel.twilio());
    }

    public Campaign {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        variables = Map.copyOf(variables);
        regions = List.copyOf(regions);
        languages = List.copyOf(languages);
    }

    public static Campaign of(String id, CampaignRequest request, String createdBy, Instant at) {
        return new Campaign(id, request.topic(), request.variables(), request.regions(), request.languages(),
                request.schedule(), request.validity(), request.transliterate(), CampaignStatus.CREATED, createdBy, at,
                request.channel());
    }

    public Campaign withStatus(CampaignStatus next) {
        return new Campaign(id, topic, variables, regions, languages, schedule, validity, transliterate, next,
                createdBy, createdAt, channel);
    }
}
