package org.kunnafoni.text.template;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code <kind>/topics.yaml}: the variable catalogue, the defaults and the list of topics. The file is
 * also the index of the folder, because a folder inside a jar cannot be listed.
 */
final class TopicIndex {
    static final String FILE = "topics.yaml";
    private static final Set<String> ROOT_KEYS = Set.of("variables", "defaults", "topics");
    private static final Set<String> VARIABLE_KEYS = Set.of("sample", "max-length");
    private static final YAMLMapper YAML = new YAMLMapper();

    record Parsed(List<TopicSpec> topics, List<TemplateProblem> problems) {
    }

    private final String kind;
    private final String where;
    private final List<TemplateProblem> problems = new ArrayList<>();

    private TopicIndex(String kind) {
        this.kind = kind;
        this.where = kind + "/" + FILE;
    }

    static Parsed parse(String kind, String yaml) {
        TopicIndex index = new TopicIndex(kind);
        List<TopicSpec> topics = index.read(yaml);
        return new Parsed(topics, List.copyOf(index.problems));
    }

    private List<TopicSpec> read(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            problem("not valid YAML: " + e.getOriginalMessage());
            return List.of();
        }
        if (root == null || !root.isObject()) {
            problem("must be a mapping with 'variables', 'defaults' and 'topics'");
            return List.of();
        }
        unknownKeys(root, ROOT_KEYS, "");
        Map<String, VariableSpec> catalogue = catalogue(root.path("variables"));
        JsonNode defaults = root.path("defaults");
        List<TopicSpec> topics = new ArrayList<>();
        JsonNode listed = root.path("topics");
        if (!listed.isObject() || listed.isEmpty()) {
            problem("'topics' must list at least one topic");
            return topics;
        }
        listed.fields().forEachRemaining(e -> topic(e.getKey(), defaults, e.getValue(), catalogue)
                .ifPresent(topics::add));
        return topics;
    }

    private Optional<TopicSpec> topic(String name, JsonNode defaults, JsonNode own,
                                                Map<String, VariableSpec> catalogue) {
        if (!TemplateId.SLUG.matcher(name).matches()) {
            problem("topic '" + name + "' is not a lowercase slug ([a-z][a-z0-9_]*)");
            return Optional.empty();
        }
        JsonNode merged = merged(defaults, own);
        unknownKeys(merged, TopicSettings.KEYS, "topic " + name + ": ");
        return Optional.of(new TopicSettings(kind, name, merged, catalogue, this::problem).spec());
    }

    /** A topic's own keys replace the defaults key by key (lists are not concatenated). */
    private static JsonNode merged(JsonNode defaults, JsonNode own) {
        ObjectNode merged = defaults.isObject() ? ((ObjectNode) defaults).deepCopy() : YAML.createObjectNode();
        if (own != null && own.isObject()) {
            own.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        }
        return merged;
    }

    private Map<String, VariableSpec> catalogue(JsonNode node) {
        Map<String, VariableSpec> variables = new LinkedHashMap<>();
        if (node instanceof MissingNode) {
            return variables;
        }
        node.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode spec = e.getValue();
            unknownKeys(spec, VARIABLE_KEYS, "variable " + name + ": ");
            String sample = spec.path("sample").asText("");
            int maxLength = spec.path("max-length").asInt(0);
            if (!TemplateId.SLUG.matcher(name).matches()) {
                problem("variable '" + name + "' is not a lowercase name");
            } else if (sample.isBlank() || maxLength < sample.length()) {
                problem("variable " + name + " needs a sample and a max-length at least as long as the sample");
            } else {
                variables.put(name, new VariableSpec(name, sample, maxLength));
            }
        });
        return variables;
    }

    private void unknownKeys(JsonNode node, Set<String> allowed, String prefix) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    problem(prefix + "unknown key '" + key + "' (known: " + String.join(", ", sorted(allowed)) + ")");
                }
            });
        }
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private void problem(String message) {
        problems.add(new TemplateProblem(where, message));
    }
}
