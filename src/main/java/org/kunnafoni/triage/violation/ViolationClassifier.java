package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Language;

/**
 * Triage of one SMS into a grave-violation category, following the shared labelling guide. Every language's
 * lexicon is applied (people code-switch, and language identification errs on short texts); the lexicon of the
 * identified language weighs a little more. Thread-safe.
 */
public final class ViolationClassifier {
    private final ViolationLexicon lexicon;

    public ViolationClassifier(ViolationLexicon lexicon) {
        this.lexicon = java.util.Objects.requireNonNull(lexicon, "lexicon");
    }

    /** @param language the identified language; may be wrong, or {@link Language#UND} */
    public ViolationResult classify(String text, Language language) {
        MatchTokens tokens = MatchTokens.of(text == null ? "" : text);
        return new Scoring(lexicon, tokens, language == null ? Language.UND : language).run();
    }
}
