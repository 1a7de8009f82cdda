package org.kunnafoni.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kunnafoni.campaign.Campaign;
import org.kunnafoni.campaign.CampaignChannel;
import org.kunnafoni.campaign.CampaignStatus;
import org.kunnafoni.campaign.Schedule;
import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A campaign's definition as the JSON kept in its hash; the status lives in its own field (changed by scripts). */
final class CampaignCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CampaignCodec() {
    }

    static String encode(Campaign c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", c.id()).put("topic", c.topic());
        node.set("variables", JSON.valueToTree(c.variables()));
        node.set("regions", JSON.valueToTree(c.regions()));
        node.set("languages", JSON.valueToTree(c.languages().stream().map(Language::code).toList()));
        ObjectNode schedule = node.putObject("schedule");
        if (c.schedule() instanceof Schedule.OneOff oneOff) {
            schedule.put("at", oneOff.at().toString());
        } else if (c.schedule() instanceof Schedule.Recurring r) {
            schedule.put("cron", r.cron());
            r.until().ifPresent(u -> schedule.put("until", u.toString()));
        }
        node.put("validity_seconds", c.validity().toSeconds()).put("transliterate", c.transliterate())
                .put("created_by", c.createdBy()).put("created_at", c.createdAt().toString())
                .put("channel", c.channel().id());
        c.channel().device().ifPresent(d -> node.put("device", d));
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Campaign decode(String json, CampaignStatus status) {
        try {
            JsonNode n = JSON.readTree(json);
            Map<String, String> variables = new LinkedHashMap<>();
            n.path("variables").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
            List<String> regions = new ArrayList<>();
            n.path("regions").forEach(r -> regions.add(r.asText()));
            List<Language> languages = new ArrayList<>();
            n.path("languages").forEach(l -> Language.fromCode(l.asText()).ifPresent(languages::add));
            JsonNode s = n.path("schedule");
            Schedule schedule = s.has("at") ? new Schedule.OneOff(Instant.parse(s.get("at").asText()))
                    : new Schedule.Recurring(s.get("cron").asText(),
                    Optional.ofNullable(s.get("until")).map(u -> Instant.parse(u.asText())));
            return new Campaign(n.get("id").asText(), n.get("topic").asText(), variables, regions, languages, schedule,
                    Duration.ofSeconds(n.get("validity_seconds").asLong()), n.get("transliterate").asBoolean(), status,
                    n.get("created_by").asText(), Instant.parse(n.get("created_at").asText()),
                    // campaigns stored before channels existed went through Twilio
                    new CampaignChannel(n.path("channel").asText(CampaignChannel.TWILIO),
                            Optional.ofNullable(n.get("device")).map(JsonNode::asText)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable campaign", e);
        }
    }
}
