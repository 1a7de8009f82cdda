package org.kunnafoni.triage.violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads lexicon YAML into a {@link PhraseIndex} and rules, collecting every problem before failing. */
final class LexiconParser {
    private static final Set<String> TOP_KEYS = Set.of("language", "notes", "groups", "child_terms", "negations",
            "negation_window", "age_units", "clause_breaks", "categories", "contexts", "not_relevant");
    private static final Set<String> SECTION_KEYS = Set.of("terms", "phrases", "combos");
    private static final Set<String> COMBO_KEYS = Set.of("any", "with", "weight", "window", "ordered");
    private static final Set<String> CONTEXT_KEYS = Set.of("terms", "cancels", "window");
    static final int DEFAULT_NEGATION_WINDOW = 3;
    /** In a context's cancels list: discount child cues rather than a category. */
    static final String CHILD = "child";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    final PhraseIndex index = new PhraseIndex();
    final List<Rules.Context> contexts = new ArrayList<>();
    final List<Rules.Combo> combos = new ArrayList<>();
    final Map<Language, Integer> negationWindows = new java.util.EnumMap<>(Language.class);
    final List<String> problems = new ArrayList<>();
    private final Set<String> declaredGroups = new java.util.HashSet<>();
    private final List<String[]> groupUses = new ArrayList<>();

    void read(Language language, InputStream in) {
        String file = language.code() + ".yaml";
        JsonNode root;
        try (in) {
            root = yaml.readTree(in);
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": not readable YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        if (root == null || !root.isObject()) {
            problems.add(file + ": expected a mapping at the top level");
            return;
        }
        new FileReader(file, language).read(root);
    }

    /** Problems that need every file: a combo naming a group that no file declares. */
    void finish() {
        for (String[] use : groupUses) {
            if (!declaredGroups.contains(use[1])) {
                problems.add(use[0] + ": unknown group '@" + use[1] + "' (declare it under groups)");
            }
        }
    }

    /** The reading of one file; {@code where} strings name the YAML path in every problem. */
    private final class FileReader {
        private final String file;
        private final Language language;
        private final Map<String, JsonNode> groups = new java.util.HashMap<>();

        FileReader(String file, Language language) {
            this.file = file;
            this.language = language;
        }

        void read(JsonNode root) {
            checkKeys(root, TOP_KEYS, "");
            JsonNode declared = root.get("language");
            if (declared != null && !declared.asText().equalsIgnoreCase(language.code())) {
                problem("language", "says '" + declared.asText() + "' but the file is for " + language.code());
            }
            groups(root.get("groups"));
            negationWindows.put(language, window(root.get("negation_window"), "negation_window",
                    DEFAULT_NEGATION_WINDOW));
            words(root.get("child_terms"), "child_terms", p -> new Cue.Child(language));
            words(root.get("negations"), "negations", p -> new Cue.Negator(language));
            words(root.get("age_units"), "age_units", p -> new Cue.AgeUnit(language));
            words(root.get("clause_breaks"), "clause_breaks", p -> new Cue.ClauseBreak(language));
            categories(root.get("categories"));
            section(root.get("not_relevant"), Category.NOT_RELEVANT, "not_relevant");
            contexts(root.get("contexts"));
        }

        /** Named word lists, used in other lists as {@code "@name"} so that e.g. armed actors are written once. */
        private void groups(JsonNode node) {
            if (node == null) {
                return;
            }
            if (!node.isObject()) {
                problem("groups", "expected a mapping of group name to a list of words");
                return;
            }
            node.fields().forEachRemaining(g -> {
                if (g.getValue().isArray()) {
                    groups.put(g.getKey(), g.getValue());
                    declaredGroups.add(g.getKey());
                    words(g.getValue(), "groups." + g.getKey(), p -> new Cue.GroupMember(g.getKey(), language));
                } else {
                    problem("groups." + g.getKey(), "expected a list of words or phrases");
                }
            });
        }

        private void categories(JsonNode node) {
            if (node == null) {
                return;
            }
            if (!node.isObject()) {
                problem("categories", "expected a mapping of category id to terms");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                var category = Category.fromId(field.getKey());
                if (category.isEmpty()) {
                    problem("categories." + field.getKey(), "unknown category (expected one of "
                            + java.util.Arrays.stream(Category.values()).map(Category::id).toList() + ")");
                } else {
                    section(field.getValue(), category.get(), "categories." + field.getKey());
                }
            }
        }

        private void section(JsonNode node, Category category, String where) {
            if (node == null) {
                return;
            }
            if (!node.isObject()) {
                problem(where, "expected a mapping with terms, phrases or combos");
                return;
            }
            checkKeys(node, SECTION_KEYS, where + ".");
            weighted(node.get("terms"), category, where + ".terms", true);
            weighted(node.get("phrases"), category, where + ".phrases", false);
            JsonNode list = node.get("combos");
            if (list != null && !list.isArray()) {
                problem(where + ".combos", "expected a list");
            } else if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    combo(list.get(i), category, where + ".combos[" + i + "]");
                }
            }
        }

        private void weighted(JsonNode node, Category category, String where, boolean singleWords) {
            if (node == null) {
                return;
            }
            if (!node.isObject()) {
                problem(where, "expected a mapping of term to weight");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = where + "." + field.getKey();
                Double weight = weight(field.getValue(), at);
                Pattern pattern = pattern(field.getKey(), at);
                if (pattern == null || weight == null) {
                    continue;
                }
                if (singleWords && pattern.length() > 1) {
                    problem(at, "a term is one word; put '" + field.getKey() + "' under phrases");
                    continue;
                }
                addForms(pattern, new Cue.Evidence(category, weight, language));
            }
        }

        private void combo(JsonNode node, Category category, String where) {
            if (node == null || !node.isObject()) {
                problem(where, "expected a mapping with any, with, weight");
                return;
            }
            checkKeys(node, COMBO_KEYS, where + ".");
            Double weight = weight(node.get("weight"), where + ".weight");
            int window = window(node.get("window"), where + ".window", 0);
            if (weight == null || node.get("any") == null || node.get("with") == null) {
                if (weight != null) {
                    problem(where, "a combo needs both 'any' and 'with' lists");
                }
                return;
            }
            int id = combos.size();
            Set<String> any = side(node.get("any"), where + ".any", id + ":any");
            Set<String> with = side(node.get("with"), where + ".with", id + ":with");
            JsonNode ordered = node.path("ordered");
            if (!ordered.isMissingNode() && !ordered.isBoolean()) {
                problem(where + ".ordered", "must be true or false");
            }
            combos.add(new Rules.Combo(category, weight, window, ordered.asBoolean(false), any, with, language));
        }

        /** A combo side: "@group" names a shared group; other words form a group private to this combo. */
        private Set<String> side(JsonNode list, String where, String privateName) {
            Set<String> names = new java.util.LinkedHashSet<>();
            if (!list.isArray()) {
                problem(where, "expected a list of words, phrases or @groups");
                return names;
            }
            String own = language.code() + ":combo" + privateName;
            for (JsonNode item : list) {
                String text = item.asText();
                if (item.isTextual() && text.startsWith("@")) {
                    names.add(text.substring(1));
                    groupUses.add(new String[] {file + ": " + where, text.substring(1)});
                } else if (item.isTextual()) {
                    Pattern pattern = pattern(text, where + "." + text);
                    if (pattern != null) {
                        addForms(pattern, new Cue.GroupMember(own, language));
                        names.add(own);
                    }
                } else {
                    problem(where, "'" + item + "' is not text");
                }
            }
            return names;
        }

        private void contexts(JsonNode node) {
            if (node == null) {
                return;
            }
            if (!node.isArray()) {
                problem("contexts", "expected a list");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                context(node.get(i), "contexts[" + i + "]");
            }
        }

        private void context(JsonNode node, String where) {
            if (!node.isObject()) {
                problem(where, "expected a mapping with terms, cancels, window");
                return;
            }
            checkKeys(node, CONTEXT_KEYS, where + ".");
            Set<Category> cancels = EnumSet.noneOf(Category.class);
            JsonNode list = node.get("cancels");
            boolean child = false;
            if (list == null || !list.isArray() || list.isEmpty()) {
                problem(where + ".cancels", "expected a non-empty list of category ids (or child)");
            } else {
                for (JsonNode c : list) {
                    if (CHILD.equals(c.asText())) {
                        child = true;
                    } else {
                        Category.fromId(c.asText()).ifPresentOrElse(cancels::add,
                                () -> problem(where + ".cancels", "unknown category '" + c.asText() + "'"));
                    }
                }
            }
            int window = window(node.get("window"), where + ".window", 0);
            int id = contexts.size();
            String label = node.path("terms").path(0).asText("?");
            contexts.add(new Rules.Context(label, cancels, child, window, language));
            words(node.get("terms"), where + ".terms", p -> new Cue.ContextTerm(id, language));
        }

        private void words(JsonNode node, String where, Function<Pattern, Cue> cue) {
            if (node == null) {
                return;
            }
            if (!node.isArray()) {
                problem(where, "expected a list of words or phrases");
                return;
            }
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    problem(where, "'" + item + "' is not text");
                    continue;
                }
                if (item.asText().startsWith("@")) {
                    JsonNode group = groups.get(item.asText().substring(1));
                    if (group == null) {
                        problem(where, "unknown group '" + item.asText() + "' (declare it under groups)");
                    } else {
                        words(group, where + item.asText(), cue);
                    }
                    continue;
                }
                Pattern pattern = pattern(item.asText(), where + "." + item.asText());
                if (pattern != null) {
                    addForms(pattern, cue.apply(pattern));
                }
            }
        }

        /** Adds the entry and, for Arabic, its forms with attached article and particles. */
        private void addForms(Pattern pattern, Cue cue) {
            for (String form : ArabicClitics.forms(pattern.text())) {
                Pattern p = form.equals(pattern.text()) ? pattern : Pattern.compile(form);
                if (p != null) {
                    index.add(p, cue);
                }
            }
        }

        private Pattern pattern(String text, String where) {
            Pattern pattern = Pattern.compile(text);
            if (pattern == null) {
                problem(where, "has no letters or digits");
            } else if (pattern.hasShortPrefix()) {
                problem(where, "a starred prefix needs at least " + Pattern.MIN_PREFIX + " letters");
                return null;
            }
            return pattern;
        }

        private Double weight(JsonNode node, String where) {
            if (node == null || !node.isNumber()) {
                problem(where, "weight must be a number, got " + (node == null ? "nothing" : "'" + node.asText() + "'"));
                return null;
            }
            double value = node.asDouble();
            if (value <= 0 || value > 20) {
                problem(where, "weight must be above 0 and at most 20, got " + value);
                return null;
            }
            return value;
        }

        private int window(JsonNode node, String where, int fallback) {
            if (node == null) {
                return fallback;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
                problem(where, "must be a whole number of words ≥ 0, got '" + node.asText() + "'");
                return fallback;
            }
            return node.asInt();
        }

        private void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    problem(prefix + key, "unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
                }
            });
        }

        private void problem(String where, String what) {
            problems.add(file + ": " + where + ": " + what);
        }
    }
}
