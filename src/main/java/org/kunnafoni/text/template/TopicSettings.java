package org.kunnafoni.text.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.kunnafoni.text.SmsEncoding;
import org.kunnafoni.triage.Language;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Turns one topic's merged settings into a {@link TopicSpec}, reporting each bad value instead of failing. */
final class TopicSettings {
    static final Set<String> KEYS = Set.of("variables", "required-languages", "fallbacks", "max-segments",
            "gsm7-languages", "must-use", "must-mention");

    private final String kind;
    private final String topic;
    private final JsonNode node;
    private final Map<String, VariableSpec> catalogue;
    private final Consumer<String> problems;

    TopicSettings(String kind, String topic, JsonNode node, Map<String, VariableSpec> catalogue,
                  Consumer<String> problems) {
        this.kind = kind;
        this.topic = topic;
        this.node = node;
        this.catalogue = catalogue;
        this.problems = problems;
    }

    TopicSpec spec() {
        Map<String, VariableSpec> variables = variables();
        Set<String> mustUse = new LinkedHashSet<>(strings("must-use"));
        mustUse.stream().filter(name -> !variables.containsKey(name))
                .forEach(name -> problem("must-use names '" + name + "', which is not among its variables"));
        mustUse.retainAll(variables.keySet());
        return new TopicSpec(kind, topic, variables, languages("required-languages"), fallbacks(), maxSegments(),
                languages("gsm7-languages"), mustUse, strings("must-mention"));
    }

    private Map<String, VariableSpec> variables() {
        Map<String, VariableSpec> declared = new LinkedHashMap<>();
        for (String name : strings("variables")) {
            VariableSpec spec = catalogue.get(name);
            if (spec == null) {
                problem("variable '" + name + "' is not in the 'variables' catalogue at the top of the file");
            } else {
                declared.put(name, spec);
            }
        }
        return declared;
    }

    private Set<Language> languages(String key) {
        Set<Language> languages = new LinkedHashSet<>();
        strings(key).forEach(code -> language(code, key).ifPresent(languages::add));
        return languages;
    }

    private Map<Language, Language> fallbacks() {
        Map<Language, Language> fallbacks = new EnumMap<>(Language.class);
        node.path("fallbacks").fields().forEachRemaining(e -> {
            Optional<Language> from = language(e.getKey(), "fallbacks");
            Optional<Language> to = language(e.getValue().asText(), "fallbacks");
            if (from.isPresent() && to.isPresent()) {
                fallbacks.put(from.get(), to.get());
            }
        });
        return fallbacks;
    }

    private Map<SmsEncoding, Integer> maxSegments() {
        Map<SmsEncoding, Integer> limits = new EnumMap<>(SmsEncoding.class);
        node.path("max-segments").fields().forEachRemaining(e -> {
            Optional<SmsEncoding> encoding = Arrays.stream(SmsEncoding.values())
                    .filter(enc -> enc.id().equals(e.getKey())).findFirst();
            if (encoding.isEmpty() || !e.getValue().canConvertToInt() || e.getValue().asInt() < 1) {
                problem("max-segments takes gsm7 and/or ucs2 with a whole number of at least 1: "
                        + e.getKey() + ": " + e.getValue());
            } else {
                limits.put(encoding.get(), e.getValue().asInt());
            }
        });
        return limits;
    }

    private Optional<Language> language(String code, String key) {
        Optional<Language> language = Language.fromCode(code);
        if (language.isEmpty()) {
            problem(key + ": unknown language code '" + code + "'");
        }
        return language;
    }

    private List<String> strings(String key) {
        JsonNode list = node.path(key);
        List<String> values = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return values;
        }
        if (!list.isArray()) {
            problem(key + " must be a list");
            return values;
        }
        list.forEach(item -> values.add(item.asText()));
        return values;
    }

    private void problem(String message) {
        problems.accept("topic " + topic + ": " + message);
    }
}
