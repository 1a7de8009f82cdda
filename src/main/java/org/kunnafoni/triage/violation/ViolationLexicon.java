package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Language;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted triage lexicons of every language, compiled into one index (see config/triage/README.md for the
 * file layout). Immutable once built; share one instance between threads.
 */
public final class ViolationLexicon {
    private static final String RESOURCE_DIR = "/config/triage/";

    private final PhraseIndex index;
    private final List<Rules.Context> contexts;
    private final List<Rules.Combo> combos;
    private final Map<Language, Integer> negationWindows;

    private ViolationLexicon(LexiconParser parsed) {
        this.index = parsed.index;
        this.contexts = List.copyOf(parsed.contexts);
        this.combos = List.copyOf(parsed.combos);
        this.negationWindows = new EnumMap<>(parsed.negationWindows);
    }

    /** The lexicons shipped in the jar: {@code /config/triage/<lang>.yaml} for every language but und. */
    public static ViolationLexicon loadDefault() {
        Map<Language, InputStream> files = new EnumMap<>(Language.class);
        List<String> missing = new ArrayList<>();
        for (Language language : Language.values()) {
            if (language == Language.UND) {
                continue;
            }
            InputStream in = ViolationLexicon.class.getResourceAsStream(RESOURCE_DIR + language.code() + ".yaml");
            if (in == null) {
                missing.add("classpath " + RESOURCE_DIR + language.code() + ".yaml: missing");
            } else {
                files.put(language, in);
            }
        }
        if (!missing.isEmpty()) {
            files.values().forEach(ViolationLexicon::closeQuietly);
            throw new LexiconException(missing);
        }
        return parse(files);
    }

    /**
     * Reads one lexicon per language; the streams are closed.
     *
     * @throws LexiconException listing every problem of every file (unknown key or category, weight not a number…)
     */
    public static ViolationLexicon parse(Map<Language, InputStream> files) {
        LexiconParser parser = new LexiconParser();
        files.forEach(parser::read);
        parser.finish();
        if (!parser.problems.isEmpty()) {
            throw new LexiconException(parser.problems);
        }
        return new ViolationLexicon(parser);
    }

    List<PhraseIndex.Match> scan(MatchTokens tokens) {
        return index.scan(tokens);
    }

    Rules.Context context(int id) {
        return contexts.get(id);
    }

    Rules.Combo combo(int id) {
        return combos.get(id);
    }

    int comboCount() {
        return combos.size();
    }

    int negationWindow(Language language) {
        return negationWindows.getOrDefault(language, LexiconParser.DEFAULT_NEGATION_WINDOW);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // nothing to recover: the load fails anyway
        }
    }
}
