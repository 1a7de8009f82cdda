package org.kunnafoni.triage.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one {@code config/triage/cues/<lang>.yaml} into phrase entries. Phrases are folded like messages,
 * so files may keep accents. Unknown sections and tags are errors: a typo must not silently drop cues.
 */
final class CueFileReader {
    /** A phrase as words, ready for the trie. */
    record Entry(List<String> words, boolean stem, String phrase, Cue cue) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SEXES = Set.of("any", "female", "male");
    private static final Set<String> ACTORS = Set.of("armed_group", "army", "militia");
    private static final Set<String> TIMES = Set.of("now", "today", "yesterday", "recent", "week", "past");
    private static final Set<String> UNITS = Set.of("minutes", "hours", "days", "weeks", "months", "years");
    private static final Map<String, CueKind> LISTS = Map.ofEntries(
            Map.entry("fillers", CueKind.FILLER), Map.entry("casualties", CueKind.CASUALTY),
            Map.entry("weapons", CueKind.WEAPON), Map.entry("explosives", CueKind.EXPLOSIVE),
            Map.entry("medical", CueKind.MEDICAL), Map.entry("ongoing", CueKind.ONGOING),
            Map.entry("departed", CueKind.DEPARTED), Map.entry("negators", CueKind.NEGATOR),
            Map.entry("ignore", CueKind.IGNORE));
    private static final Map<String, CueKind> AGE = Map.of("units", CueKind.AGE_UNIT,
            "prefixes", CueKind.AGE_PREFIX, "blockers", CueKind.AGE_BLOCKER, "joiners", CueKind.AGE_JOINER);

    private final Language language;
    private final List<Entry> entries = new ArrayList<>();
    private String numberPosition = "before";

    private CueFileReader(Language language) {
        this.language = language;
    }

    static List<Entry> read(Language language, InputStream in) {
        try (in) {
            JsonNode root = YAML.readTree(in);
            CueFileReader reader = new CueFileReader(language);
            if (root != null && !root.isNull()) {
                reader.readRoot(root);
            }
            return reader.entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cues for " + language.code(), e);
        }
    }

    private void readRoot(JsonNode root) {
        numberPosition = root.path("number_position").asText("before");
        if (!Set.of("before", "after", "both").contains(numberPosition)) {
            throw fail("number_position must be before, after or both");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            readSection(section.getKey(), section.getValue());
        }
    }

    private void readSection(String name, JsonNode node) {
        switch (name) {
            case "number_position" -> { }
            case "numbers" -> node.fields().forEachRemaining(e ->
                    add(e.getKey(), new Cue(CueKind.NUMBER, numberPosition, number(e.getValue(), e.getKey()), language)));
            case "several" -> list(node, name, p -> add(p, Cue.tagged(CueKind.SEVERAL, numberPosition, language)));
            case "children" -> tagged(node, name, SEXES, (tag, p) -> add(p, Cue.tagged(CueKind.CHILD, tag, language)));
            case "counted_children" -> counted(node);
            case "sex" -> tagged(node, name, Set.of("female", "male"), (tag, p) -> add(p, Cue.tagged(CueKind.SEX, tag, language)));
            case "actors" -> tagged(node, name, ACTORS, (tag, p) -> add(p, Cue.tagged(CueKind.ACTOR, tag, language)));
            case "time" -> tagged(node, name, TIMES, (tag, p) -> add(p, Cue.tagged(CueKind.TIME, tag, language)));
            case "age" -> keyed(node, name, AGE);
            case "ago" -> ago(node);
            default -> {
                CueKind kind = LISTS.get(name);
                if (kind == null) {
                    throw fail("unknown section " + name);
                }
                list(node, name, p -> add(p, Cue.of(kind, language)));
            }
        }
    }

    private void ago(JsonNode node) {
        node.fields().forEachRemaining(e -> {
            switch (e.getKey()) {
                case "before" -> list(e.getValue(), "ago.before", p -> add(p, Cue.of(CueKind.AGO_BEFORE, language)));
                case "after" -> list(e.getValue(), "ago.after", p -> add(p, Cue.of(CueKind.AGO_AFTER, language)));
                case "units" -> tagged(e.getValue(), "ago.units", UNITS,
                        (tag, p) -> add(p, Cue.tagged(CueKind.DURATION, tag, language)));
                default -> throw fail("unknown key ago." + e.getKey());
            }
        });
    }

    private void counted(JsonNode node) {
        node.fields().forEachRemaining(sex -> {
            if (!SEXES.contains(sex.getKey())) {
                throw fail("unknown counted_children." + sex.getKey());
            }
            sex.getValue().fields().forEachRemaining(e -> add(e.getKey(),
                    new Cue(CueKind.COUNTED_CHILD, sex.getKey(), number(e.getValue(), e.getKey()), language)));
        });
    }

    private void keyed(JsonNode node, String section, Map<String, CueKind> kinds) {
        node.fields().forEachRemaining(e -> {
            CueKind kind = kinds.get(e.getKey());
            if (kind == null) {
                throw fail("unknown key " + section + "." + e.getKey());
            }
            list(e.getValue(), section + "." + e.getKey(), p -> add(p, Cue.of(kind, language)));
        });
    }

    private void tagged(JsonNode node, String section, Set<String> tags, java.util.function.BiConsumer<String, String> sink) {
        node.fields().forEachRemaining(e -> {
            if (!tags.contains(e.getKey())) {
                throw fail("unknown key " + section + "." + e.getKey());
            }
            list(e.getValue(), section + "." + e.getKey(), p -> sink.accept(e.getKey(), p));
        });
    }

    private void list(JsonNode node, String section, java.util.function.Consumer<String> sink) {
        if (node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            throw fail(section + " must be a list");
        }
        node.forEach(item -> {
            if (!item.isTextual()) {
                throw fail(section + ": '" + item.asText() + "' is not text; quote it (YAML reads no/yes/on as booleans)");
            }
            sink.accept(item.asText());
        });
    }

    private int number(JsonNode value, String phrase) {
        if (!value.canConvertToInt()) {
            throw fail("number expected for " + phrase);
        }
        return value.asInt();
    }

    private void add(String raw, Cue cue) {
        boolean stem = raw.endsWith("*");
        String text = TextNormalizer.fold(stem ? raw.substring(0, raw.length() - 1) : raw);
        List<String> words = Tokens.words(text);
        if (words.isEmpty()) {
            throw fail("empty phrase '" + raw + "'");
        }
        String phrase = String.join(" ", words);
        for (List<String> variant : ArabicVariants.of(words)) {
            entries.add(new Entry(variant, stem, phrase, cue));
        }
    }

    private IllegalArgumentException fail(String message) {
        return new IllegalArgumentException("cues " + language.code() + ": " + message);
    }
}
