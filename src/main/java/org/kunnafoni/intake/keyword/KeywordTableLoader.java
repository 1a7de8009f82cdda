package org.kunnafoni.intake.keyword;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.kunnafoni.intake.keyword.Keyword.Action;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code keywords.yaml}. Every phrase may mean one thing only across the whole file (a word
 * that is both a filler and a keyword would make parsing depend on order), so clashes are errors.
 */
final class KeywordTableLoader {
    // Ordered so that a clash is always reported on the later of the two lines.
    private static final Map<String, Action> KEYWORD_GROUPS = ordered(
            "opt_out", Action.OPT_OUT, "opt_in", Action.OPT_IN, "yes_words", Action.YES, "help", Action.HELP);
    private static final Map<String, Action> RADIO_LISTS = ordered(
            "radio_aired", Action.RADIO_AIRED, "radio_postponed", Action.RADIO_POSTPONED);
    private static final List<String> SECTIONS = List.of("opt_out", "opt_in", "yes_words", "help",
            "radio_aired", "radio_postponed", "fillers", "regions", "languages");
    private static final Pattern SLUG = Pattern.compile("[a-z]+");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Claim> claims = new HashMap<>();

    private record Claim(String meaning, String where) {
    }

    KeywordTableLoader(String source) {
        this.source = source;
    }

    KeywordTable load(InputStream yaml) {
        JsonNode root = readTree(yaml);
        if (root != null) {
            checkSections(root);
        }
        if (root == null || !problems.isEmpty()) {
            throw new KeywordTableException(source, problems);
        }
        List<Keyword> keywords = new ArrayList<>();
        KEYWORD_GROUPS.forEach((section, action) -> keywords.addAll(keywordGroup(root, section, action)));
        RADIO_LISTS.forEach((section, action) -> keywords.addAll(radioList(root, section, action)));
        Set<String> fillers = fillers(root.get("fillers"));
        Map<String, String> regions = regions(root.get("regions"));
        Map<String, Language> languages = languages(root.get("languages"));
        if (!problems.isEmpty()) {
            throw new KeywordTableException(source, problems);
        }
        return new KeywordTable(keywords, regions, languages, fillers);
    }

    private JsonNode readTree(InputStream yaml) {
        try {
            JsonNode root = new YAMLMapper().readTree(yaml);
            if (root == null || !root.isObject()) {
                problems.add("the document must be a mapping of sections " + SECTIONS);
                return null;
            }
            return root;
        } catch (JacksonException e) {
            problems.add("not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add("cannot be read: " + e.getMessage());
        }
        return null;
    }

    private void checkSections(JsonNode root) {
        root.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) {
                problems.add("unknown section '" + name + "' (expected " + SECTIONS + ")");
            }
        });
        for (String section : SECTIONS) {
            JsonNode node = root.get(section);
            boolean listSection = RADIO_LISTS.containsKey(section) || section.equals("fillers");
            if (node == null) {
                problems.add("missing section '" + section + "'");
            } else if (listSection ? !node.isArray() : !node.isObject()) {
                problems.add("section '" + section + "' must be a " + (listSection ? "list" : "mapping"));
            }
        }
    }

    private List<Keyword> keywordGroup(JsonNode root, String section, Action action) {
        List<Keyword> out = new ArrayList<>();
        root.get(section).fields().forEachRemaining(entry -> {
            String where = section + "." + entry.getKey();
            Language.fromCode(entry.getKey()).filter(l -> l != Language.UND).ifPresentOrElse(
                    language -> phrases(entry.getValue(), where).forEach(phrase -> {
                        if (claim(phrase, where, where)) {
                            out.add(new Keyword(phrase, action, language));
                        }
                    }),
                    () -> problems.add(where + ": unknown language code '" + entry.getKey() + "' " + languageCodes()));
        });
        return out;
    }

    private List<Keyword> radioList(JsonNode root, String section, Action action) {
        List<Keyword> out = new ArrayList<>();
        for (String phrase : phrases(root.get(section), section)) {
            if (phrase.contains(" ") || TextNormalizer.tokens(phrase).size() != 1) {
                problems.add(section + ": '" + phrase + "' must be a single word");
            } else if (claim(phrase, section, action.name())) {
                out.add(new Keyword(phrase, action, Language.UND));
            }
        }
        return out;
    }

    private Map<String, String> regions(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String slug = entry.getKey();
            String where = "regions." + slug;
            if (!SLUG.matcher(slug).matches()) {
                problems.add(where + ": a region slug is lower-case letters a-z only");
                return;
            }
            List<String> names = new ArrayList<>(List.of(slug));
            names.addAll(phrases(entry.getValue(), where));
            names.stream().filter(name -> claim(name, where, "region " + slug)).forEach(name -> out.put(name, slug));
        });
        return out;
    }

    private Map<String, Language> languages(JsonNode node) {
        Map<String, Language> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            String where = "languages." + entry.getKey();
            Language.fromCode(entry.getKey()).filter(l -> l != Language.UND).ifPresentOrElse(language -> {
                List<String> names = new ArrayList<>(List.of(language.code()));
                names.addAll(phrases(entry.getValue(), where));
                names.stream().filter(name -> claim(name, where, "language " + language.code()))
                        .forEach(name -> out.put(name, language));
            }, () -> problems.add(where + ": unknown language code '" + entry.getKey() + "' " + languageCodes()));
        });
        return out;
    }

    private Set<String> fillers(JsonNode node) {
        Set<String> out = new HashSet<>();
        phrases(node, "fillers").stream().filter(phrase -> claim(phrase, "fillers", "filler")).forEach(out::add);
        return out;
    }

    /** The folded phrases of a YAML list; words are re-joined by single spaces so "opt-out" equals "opt out". */
    private List<String> phrases(JsonNode list, String where) {
        List<String> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(where + ": expected a list of words");
            return out;
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                problems.add(where + ": '" + item.asText() + "' is not text (quote words such as yes, no, on, off)");
                continue;
            }
            String folded = TextNormalizer.fold(item.asText());
            List<String> words = TextNormalizer.tokens(folded);
            if (folded.isEmpty()) {
                problems.add(where + ": empty entry");
            } else {
                out.add(words.isEmpty() ? folded.replace(" ", "") : String.join(" ", words));
            }
        }
        return out;
    }

    /** Records what a phrase means; the same phrase listed twice with the same meaning is harmless. */
    private boolean claim(String phrase, String where, String meaning) {
        Claim previous = claims.putIfAbsent(phrase, new Claim(meaning, where));
        if (previous == null) {
            return true;
        }
        if (!previous.meaning().equals(meaning)) {
            problems.add(where + ": '" + phrase + "' is already listed under " + previous.where());
        }
        return false;
    }

    private static Map<String, Action> ordered(Object... pairs) {
        Map<String, Action> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Action) pairs[i + 1]);
        }
        return out;
    }

    private static String languageCodes() {
        List<String> codes = new ArrayList<>();
        for (Language language : Language.values()) {
            if (language != Language.UND) {
                codes.add(language.code());
            }
        }
        return "(expected one of " + String.join(", ", codes) + ")";
    }
}
