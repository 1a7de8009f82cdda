package org.kunnafoni.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kunnafoni.radio.BroadcastSlot;
import org.kunnafoni.radio.BroadcastStatus;
import org.kunnafoni.radio.RadioCampaign;
import org.kunnafoni.radio.RadioPartner;
import org.kunnafoni.radio.RadioScript;
import org.kunnafoni.triage.Language;

import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Radio records as the JSON kept in the radio hashes. Numbers stay encrypted; the token is only its hash. */
final class RadioCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RadioCodec() {
    }

    static String partner(RadioPartner p) {
        ObjectNode n = JSON.createObjectNode().put("id", p.id()).put("station", p.station())
                .put("token_hash", p.tokenHash()).put("revoked", p.revoked()).put("created_at", p.createdAt().toString());
        n.set("regions", JSON.valueToTree(p.regions()));
        n.set("languages", JSON.valueToTree(p.languages().stream().map(Language::code).toList()));
        n.set("slots", JSON.valueToTree(p.slots().stream().map(RadioCodec::slot).toList()));
        n.set("numbers", JSON.valueToTree(p.encryptedNumbers()));
        n.set("pseudonyms", JSON.valueToTree(p.numberPseudonyms()));
        return n.toString();
    }

    static RadioPartner partner(String json) {
        JsonNode n = read(json);
        return new RadioPartner(n.path("id").asText(), n.path("station").asText(), strings(n.path("regions")),
                strings(n.path("languages")).stream().map(c -> Language.fromCode(c).orElseThrow()).toList(),
                strings(n.path("slots")).stream().map(RadioCodec::slot).toList(), strings(n.path("numbers")),
                strings(n.path("pseudonyms")), n.path("token_hash").asText(), n.path("revoked").asBoolean(),
                Instant.parse(n.path("created_at").asText()));
    }

    /** {@code MONDAY 19:00 PT15M}: also the form the API accepts. */
    static String slot(BroadcastSlot s) {
        return s.day() + " " + s.start() + " " + s.length();
    }

    static BroadcastSlot slot(String text) {
        String[] p = text.split(" ");
        return new BroadcastSlot(DayOfWeek.valueOf(p[0].toUpperCase(Locale.ROOT)), LocalTime.parse(p[1]),
                Duration.parse(p[2]));
    }

    static String campaign(RadioCampaign c) {
        ObjectNode n = JSON.createObjectNode().put("id", c.id()).put("topic", c.topic()).put("first", c.first().toString())
                .put("last", c.last().toString()).put("created_by", c.createdBy()).put("created_at", c.createdAt().toString());
        n.set("regions", JSON.valueToTree(c.regions()));
        n.set("languages", JSON.valueToTree(c.languages().stream().map(Language::code).toList()));
        return n.toString();
    }

    static RadioCampaign campaign(String json) {
        JsonNode n = read(json);
        return new RadioCampaign(n.path("id").asText(), n.path("topic").asText(), strings(n.path("regions")),
                strings(n.path("languages")).stream().map(c -> Language.fromCode(c).orElseThrow()).toList(),
                LocalDate.parse(n.path("first").asText()), LocalDate.parse(n.path("last").asText()),
                n.path("created_by").asText(), Instant.parse(n.path("created_at").asText()));
    }

    static String script(RadioScript s) {
        ObjectNode n = JSON.createObjectNode().put("id", s.id()).put("campaign_id", s.campaignId())
                .put("partner_id", s.partnerId()).put("topic", s.topic()).put("language", s.language().code())
                .put("region", s.region()).put("air_at", s.airAt().toString()).put("slot", s.slotLength().toString())
                .put("code", s.code()).put("text", s.text()).put("reading", s.readingTime().toString())
                .put("status", s.status().name());
        s.reason().ifPresent(r -> n.put("reason", r));
        return n.toString();
    }

    static RadioScript script(String json) {
        JsonNode n = read(json);
        return new RadioScript(n.path("id").asText(), n.path("campaign_id").asText(), n.path("partner_id").asText(),
                n.path("topic").asText(), Language.fromCode(n.path("language").asText()).orElseThrow(),
                n.path("region").asText(), Instant.parse(n.path("air_at").asText()),
                Duration.parse(n.path("slot").asText()), n.path("code").asText(), n.path("text").asText(),
                Duration.parse(n.path("reading").asText()), BroadcastStatus.valueOf(n.path("status").asText()),
                n.hasNonNull("reason") ? Optional.of(n.path("reason").asText()) : Optional.empty(),
                Optional.empty());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
