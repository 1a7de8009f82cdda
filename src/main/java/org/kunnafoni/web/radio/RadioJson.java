package org.kunnafoni.web.radio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kunnafoni.audience.PhoneNumbers;
import org.kunnafoni.radio.AirTimes;
import org.kunnafoni.radio.BroadcastSlot;
import org.kunnafoni.radio.PartnerDetails;
import org.kunnafoni.radio.PartnerReport;
import org.kunnafoni.radio.RadioCampaign;
import org.kunnafoni.radio.RadioPartner;
import org.kunnafoni.radio.RadioPlan;
import org.kunnafoni.radio.RadioScript;
import org.kunnafoni.radio.ReminderPolicy;
import org.kunnafoni.triage.Language;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Radio requests and answers as JSON; parsing collects every error so a form can show them all at once. */
final class RadioJson {
    private RadioJson() {
    }

    /** Either the parsed value or the list of problems with the request. */
    record Parsed<T>(Optional<T> value, List<String> errors) {
    }

    static Parsed<PartnerDetails> partner(JsonObject body, Set<String> knownRegions, String defaultCountry) {
        List<String> errors = new ArrayList<>();
        String station = text(body, "station").strip();
        if (station.isEmpty() || station.length() > 40) {
            errors.add("station: 1 to 40 characters");
        }
        List<String> regions = strings(body, "regions", errors);
        regions.stream().filter(r -> !knownRegions.contains(r)).forEach(r -> errors.add("regions: unknown " + r));
        List<Language> languages = languages(body, errors);
        List<BroadcastSlot> slots = new ArrayList<>();
        JsonArray rawSlots = body.getValue("slots") instanceof JsonArray array ? array : new JsonArray();
        if (body.containsKey("slots") && !(body.getValue("slots") instanceof JsonArray)) {
            errors.add("slots: a list of {\"day\":\"monday\",\"start\":\"19:00\",\"minutes\":15}");
        }
        for (int i = 0; i < rawSlots.size(); i++) {
            slot(rawSlots.getValue(i), i, errors).ifPresent(slots::add);
        }
        List<String> numbers = new ArrayList<>();
        for (String raw : strings(body, "numbers", errors)) {
            PhoneNumbers.toE164(raw, defaultCountry).ifPresentOrElse(numbers::add,
                    () -> errors.add("numbers: not a phone number: " + raw.replaceAll("\\d(?=\\d{2})", "*")));
        }
        if (regions.isEmpty() || languages.isEmpty() || slots.isEmpty() || numbers.isEmpty()) {
            errors.add("regions, languages, slots and numbers each need at least one value");
        }
        return errors.isEmpty()
                ? new Parsed<>(Optional.of(new PartnerDetails(station, regions, languages, slots, numbers)), errors)
                : new Parsed<>(Optional.empty(), errors);
    }

    /** A slot is {@code {"day":"monday","start":"19:00","minutes":15}}, local time in Bamako. */
    private static Optional<BroadcastSlot> slot(Object raw, int i, List<String> errors) {
        try {
            JsonObject s = (JsonObject) raw;
            return Optional.of(new BroadcastSlot(DayOfWeek.valueOf(s.getString("day").toUpperCase(Locale.ROOT)),
                    LocalTime.parse(s.getString("start")), Duration.ofMinutes(wholeMinutes(s.getValue("minutes")))));
        } catch (RuntimeException e) {
            errors.add("slots[" + i + "]: {\"day\":\"monday\",\"start\":\"19:00\",\"minutes\":15} expected");
            return Optional.empty();
        }
    }

    /** 15.7 minutes is a mistake to point out, not 15 minutes (JsonObject.getInteger would cut it silently). */
    private static long wholeMinutes(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
            return n.longValue();
        }
        throw new IllegalArgumentException("minutes: a whole number, not " + value);
    }

    static Parsed<RadioCampaign> campaign(JsonObject body, Set<String> knownRegions, Set<String> topics,
                                          String id, String user, Instant now) {
        List<String> errors = new ArrayList<>();
        String topic = text(body, "topic");
        if (!topics.contains(topic)) {
            errors.add("topic: one of " + String.join(", ", topics.stream().sorted().toList()));
        }
        List<String> regions = strings(body, "regions", errors);
        regions.stream().filter(r -> !knownRegions.contains(r)).forEach(r -> errors.add("regions: unknown " + r));
        List<Language> languages = languages(body, errors);
        LocalDate first = date(body, "from", errors);
        LocalDate last = date(body, "to", errors);
        LocalDate today = LocalDate.ofInstant(now, AirTimes.BAMAKO);
        if (first != null && first.isBefore(today)) {
            errors.add("from: today (" + today + ", Mali time) or later; a campaign cannot start in the past");
        }
        if (first != null && last != null && (last.isBefore(first) || last.isAfter(first.plusDays(92)))) {
            errors.add("to: on or after from, at most 92 days later");
        }
        if (regions.isEmpty() || languages.isEmpty()) {
            errors.add("regions and languages each need at least one value");
        }
        return errors.isEmpty()
                ? new Parsed<>(Optional.of(new RadioCampaign(id, topic, regions, languages, first, last, user, now)),
                errors)
                : new Parsed<>(Optional.empty(), errors);
    }

    private static LocalDate date(JsonObject body, String key, List<String> errors) {
        try {
            return LocalDate.parse(text(body, key));
        } catch (RuntimeException e) {
            errors.add(key + ": a date yyyy-mm-dd (Mali time)");
            return null;
        }
    }

    private static List<Language> languages(JsonObject body, List<String> errors) {
        List<Language> out = new ArrayList<>();
        for (String code : strings(body, "languages", errors)) {
            Language.fromCode(code).filter(l -> l != Language.UND)
                    .ifPresentOrElse(out::add, () -> errors.add("languages: unknown " + code));
        }
        return out.stream().distinct().toList();
    }

    /** The list's strings, each once, in their first order (["fra","fra"] is one language, not two scripts). */
    private static List<String> strings(JsonObject body, String key, List<String> errors) {
        List<String> out = new ArrayList<>();
        try {
            Object value = body.getValue(key);
            if (value != null) {
                ((JsonArray) value).forEach(v -> out.add((String) java.util.Objects.requireNonNull(v)));
            }
        } catch (RuntimeException e) {
            errors.add(key + ": a list of strings");
        }
        return out.stream().distinct().toList();
    }

    /** A string field, or "" when it is missing or of another JSON type (then the caller's check refuses it). */
    static String text(JsonObject body, String key) {
        return body.getValue(key) instanceof String value ? value : "";
    }

    /** The partner as supervisors see it: numbers are never shown, only how many there are. */
    static JsonObject partner(RadioPartner p) {
        JsonArray slots = new JsonArray();
        p.slots().forEach(s -> slots.add(new JsonObject().put("day", s.day().name().toLowerCase(Locale.ROOT))
                .put("start", s.start().toString()).put("minutes", s.length().toMinutes())));
        return new JsonObject().put("id", p.id()).put("station", p.station()).put("regions", new JsonArray(p.regions()))
                .put("languages", new JsonArray(p.languages().stream().map(Language::code).toList()))
                .put("slots", slots).put("numbers", p.encryptedNumbers().size()).put("revoked", p.revoked())
                .put("created_at", p.createdAt().toString());
    }

    /** The status is as of {@code now} under {@code policy}: a slot unconfirmed too long after its end is missed. */
    static JsonObject script(RadioScript s, Instant now, ReminderPolicy policy, boolean withText) {
        JsonObject o = new JsonObject().put("id", s.id()).put("campaign_id", s.campaignId())
                .put("partner_id", s.partnerId()).put("topic", s.topic()).put("language", s.language().code())
                .put("region", s.region()).put("air_at", s.airAt().toString())
                .put("air_at_local", s.airAt().atZone(AirTimes.BAMAKO).toLocalDateTime().toString())
                .put("slot_minutes", s.slotLength().toMinutes()).put("code", s.code())
                .put("reading_seconds", s.readingTime().toSeconds()).put("fits_slot", s.fitsSlot())
                .put("status", policy.status(s, now).id());
        s.reason().ifPresent(r -> o.put("reason", r));
        s.remindedAt().ifPresent(at -> o.put("reminded_at", at.toString()));
        return withText ? o.put("text", s.text()) : o;
    }

    static JsonObject plan(RadioCampaign c, RadioPlan plan, Instant now, ReminderPolicy policy) {
        JsonArray scripts = new JsonArray();
        plan.scripts().forEach(s -> scripts.add(script(s, now, policy, true)));
        JsonArray gaps = new JsonArray();
        plan.gaps().forEach(g -> gaps.add(new JsonObject().put("partner_id", g.partnerId())
                .put("station", g.station()).put("problem", g.problem())));
        return new JsonObject().put("campaign", campaign(c)).put("broadcasts", plan.scripts().size())
                .put("too_long", plan.tooLong()).put("scripts", scripts).put("gaps", gaps);
    }

    static JsonObject campaign(RadioCampaign c) {
        return new JsonObject().put("id", c.id()).put("topic", c.topic()).put("regions", new JsonArray(c.regions()))
                .put("languages", new JsonArray(c.languages().stream().map(Language::code).toList()))
                .put("from", c.first().toString()).put("to", c.last().toString()).put("created_by", c.createdBy())
                .put("created_at", c.createdAt().toString());
    }

    static JsonArray report(List<PartnerReport> reports) {
        JsonArray out = new JsonArray();
        reports.forEach(r -> out.add(new JsonObject().put("partner_id", r.partnerId()).put("planned", r.planned())
                .put("confirmed", r.confirmed()).put("postponed", r.postponed()).put("missed", r.missed())
                .put("reminded", r.reminded())));
        return out;
    }
}
