package org.kunnafoni.campaign;

import org.kunnafoni.text.template.TemplateException;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.text.template.TemplateStatus;
import org.kunnafoni.text.template.TopicSpec;
import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a campaign request (a JSON object as a map) and checks it against the templates, listing every problem at
 * once so staff fix a request in one go. Checks: topic, variables (missing, unknown, too long), templates (a
 * language with only a draft and no approved fallback), regions, languages, schedule (past, bad cron, runs closer
 * than an hour) and validity.
 */
public final class CampaignRequests {
    public static final String KIND = "awareness";
    static final Duration MIN_VALIDITY = Duration.ofMinutes(15);
    static final Duration MAX_VALIDITY = Duration.ofDays(14);
    /** A rule that fires more often would flood subscribers (e.g. a minute field left as *). */
    static final Duration MIN_GAP = Duration.ofHours(1);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*(m|h|d)");

    private CampaignRequests() {
    }

    public sealed interface Parsed {
        record Valid(CampaignRequest request) implements Parsed {
        }

        record Invalid(List<String> errors) implements Parsed {
        }
    }

    /**
     * @param regions         the region slugs of the gazetteer
     * @param defaultValidity used when the request gives none
     */
    public static Parsed parse(Map<String, ?> body, TemplateLibrary templates, Set<String> regions, Instant now,
                               Duration defaultValidity) {
        return parse(body, templates, regions, now, defaultValidity, CampaignChannel.Available.twilioOnly());
    }

    /** @param channels what the gateway can send through (relay phones configured) */
    public static Parsed parse(Map<String, ?> body, TemplateLibrary templates, Set<String> regions, Instant now,
                               Duration defaultValidity, CampaignChannel.Available channels) {
        List<String> errors = new ArrayList<>();
        CampaignChannel channel = channel(body.get("channel"), body.get("device"), channels, errors);
        String topic = body.get("topic") instanceof String s ? s.trim() : "";
        Map<String, String> variables = variables(body.get("variables"), errors);
        List<String> regionList = regions(body.get("regions"), regions, errors);
        List<Language> languages = languages(body.get("languages"), errors);
        Optional<Schedule> schedule = schedule(body.get("schedule"), now, errors);
        Duration validity = validity(body.get("validity"), defaultValidity, errors);
        boolean transliterate = transliterate(body.get("transliterate"), errors);
        Optional<TopicSpec> spec = templates.topic(KIND, topic);
        if (topic.isEmpty()) {
            errors.add("topic is required");
        } else if (spec.isEmpty()) {
            errors.add("unknown topic '" + topic + "' (known: "
                    + templates.topics(KIND).stream().map(TopicSpec::topic).toList() + ")");
        } else {
            errors.addAll(templateProblems(templates, spec.get(), languages, variables));
        }
        if (!errors.isEmpty() || schedule.isEmpty()) {
            return new Parsed.Invalid(List.copyOf(errors));
        }
        return new Parsed.Valid(new CampaignRequest(topic, variables, regionList, languages, schedule.get(), validity,
                transliterate, channel));
    }

    /** {@code twilio} unless told; {@code relay} needs a configured phone: the named one, or a routed one. */
    static CampaignChannel channel(Object value, Object device, CampaignChannel.Available available,
                                   List<String> errors) {
        String id = value == null ? CampaignChannel.TWILIO : value instanceof String s ? s.trim().toLowerCase(Locale.ROOT)
                : "";
        if (!CampaignChannel.CHOICES.contains(id)) {
            errors.add("unknown channel '" + value + "' (choices: " + CampaignChannel.CHOICES + ")");
            return CampaignChannel.twilio();
        }
        if (device != null && !(device instanceof String d && !d.isBlank())) {
            errors.add("device must be the id of a relay phone");
            return CampaignChannel.twilio();
        }
        Optional<String> phone = Optional.ofNullable((String) device).map(String::trim);
        String configured = available.relayDevices().stream().sorted().toList().toString();
        if (CampaignChannel.TWILIO.equals(id)) {
            phone.ifPresent(d -> errors.add("device is only for channel relay"));
            return CampaignChannel.twilio();
        }
        if (phone.isPresent() && !available.relayDevices().contains(phone.get())) {
            errors.add("unknown relay device '" + phone.get() + "' (configured: " + configured + ")");
        } else if (phone.isEmpty() && !available.relayRouted()) {
            errors.add("channel relay needs a relay phone: name a device (configured: " + configured
                    + ") or set relay.default-device / relay.device-for-region");
        }
        return new CampaignChannel(CampaignChannel.RELAY, phone);
    }

    static List<String> templateProblems(TemplateLibrary templates, TopicSpec spec, List<Language> languages,
                                         Map<String, String> variables) {
        List<String> errors = new ArrayList<>();
        variables.keySet().stream().filter(name -> !spec.variables().containsKey(name)).forEach(name ->
                errors.add("variable '" + name + "' is not used by topic " + spec.topic() + " (it takes "
                        + spec.variables().keySet().stream().sorted().toList() + ")"));
        Set<String> renderProblems = new LinkedHashSet<>();
        for (Language language : languages) {
            if (!templates.isSendable(KIND, spec.topic(), language)) {
                errors.add(language.code() + ": " + unsendable(templates, spec, language));
                continue;
            }
            try {
                templates.render(KIND, spec.topic(), language, variables);
            } catch (TemplateException e) {
                renderProblems.add(e.getMessage());
            }
        }
        errors.addAll(renderProblems);
        return errors;
    }

    private static String unsendable(TemplateLibrary templates, TopicSpec spec, Language language) {
        List<Language> chain = spec.fallbackChain(language);
        boolean draft = chain.stream().anyMatch(l -> templates.get(spec.id(l))
                .filter(t -> t.status() == TemplateStatus.DRAFT).isPresent());
        String tried = chain.stream().map(Language::code).toList().toString();
        return draft ? "only a draft template and no approved fallback (tried " + tried + "); approve a text first"
                : "no template and no approved fallback (tried " + tried + ")";
    }

    private static Map<String, String> variables(Object value, List<String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add("variables must be an object of names to texts");
            return out;
        }
        map.forEach((name, text) -> {
            if (text instanceof String s) {
                out.put(String.valueOf(name), s);
            } else {
                errors.add("variable '" + name + "' must be a text");
            }
        });
        return out;
    }

    private static List<String> regions(Object value, Set<String> known, List<String> errors) {
        List<String> out = new ArrayList<>();
        for (String region : texts(value, "regions", errors)) {
            String slug = region.trim().toLowerCase(Locale.ROOT);
            if (!known.contains(slug)) {
                errors.add("unknown region '" + region + "' (known: " + known.stream().sorted().toList() + ")");
            } else if (!out.contains(slug)) {
                out.add(slug);
            }
        }
        return out;
    }

    private static List<Language> languages(Object value, List<String> errors) {
        List<Language> out = new ArrayList<>();
        for (String code : texts(value, "languages", errors)) {
            Optional<Language> language = Language.fromCode(code).filter(l -> l != Language.UND);
            if (language.isEmpty()) {
                errors.add("unknown language '" + code + "' (use fra bam ses ffm taq ara eng)");
            } else if (!out.contains(language.get())) {
                out.add(language.get());
            }
        }
        return out;
    }

    private static List<String> texts(Object value, String field, List<String> errors) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            errors.add(field + " must be a non-empty list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof String s) {
                out.add(s);
            } else {
                errors.add(field + " must hold texts, not " + item);
            }
        }
        return out;
    }

    private static Optional<Schedule> schedule(Object value, Instant now, List<String> errors) {
        if (value == null) {
            return Optional.of(new Schedule.OneOff(now));
        }
        if (!(value instanceof Map<?, ?> map) || map.containsKey("at") == map.containsKey("cron")) {
            errors.add("schedule must be {\"at\": time} or {\"cron\": rule, \"until\": optional time}");
            return Optional.empty();
        }
        if (map.containsKey("at")) {
            Optional<Instant> at = instant(map.get("at"), "schedule.at", errors);
            if (at.isPresent() && at.get().isBefore(now)) {
                errors.add("schedule.at " + at.get() + " is in the past (now " + now + ")");
                return Optional.empty();
            }
            return at.map(Schedule.OneOff::new);
        }
        return recurring(map, now, errors);
    }

    private static Optional<Schedule> recurring(Map<?, ?> map, Instant now, List<String> errors) {
        Optional<Instant> until = map.get("until") == null ? Optional.empty()
                : instant(map.get("until"), "schedule.until", errors);
        if (map.get("until") != null && until.isEmpty()) {
            return Optional.empty();
        }
        Schedule.Recurring recurring;
        try {
            recurring = new Schedule.Recurring(String.valueOf(map.get("cron")), until);
        } catch (IllegalArgumentException e) {
            errors.add("schedule.cron '" + map.get("cron") + "' is not a five-field cron rule "
                    + "(minute hour day month weekday, e.g. \"0 9 * * MON\"): " + e.getMessage());
            return Optional.empty();
        }
        if (recurring.firstRun(now).isEmpty()) {
            errors.add("schedule has no run after now" + until.map(u -> " and before " + u).orElse(""));
            return Optional.empty();
        }
        Optional<Duration> gap = recurring.shortestGap(now, 50);
        if (gap.isPresent() && gap.get().compareTo(MIN_GAP) < 0) {
            errors.add("schedule.cron runs " + gap.get().toMinutes() + " minutes apart; at least an hour is needed");
            return Optional.empty();
        }
        return Optional.of(recurring);
    }

    private static Optional<Instant> instant(Object value, String field, List<String> errors) {
        try {
            return Optional.of(Instant.parse(String.valueOf(value)));
        } catch (DateTimeParseException e) {
            errors.add(field + " must be an ISO-8601 UTC time such as 2026-12-01T09:00:00Z");
            return Optional.empty();
        }
    }

    private static Duration validity(Object value, Duration fallback, List<String> errors) {
        if (value == null) {
            return fallback;
        }
        Optional<Duration> parsed = duration(String.valueOf(value));
        if (parsed.isEmpty() || parsed.get().compareTo(MIN_VALIDITY) < 0 || parsed.get().compareTo(MAX_VALIDITY) > 0) {
            errors.add("validity must be a duration from 15m to 14d (e.g. \"24h\"), not '" + value + "'");
            return fallback;
        }
        return parsed.get();
    }

    static Optional<Duration> duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean transliterate(Object value, List<String> errors) {
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        errors.add("transliterate must be true or false");
        return false;
    }
}
