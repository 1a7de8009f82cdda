package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Language;

/**
 * Triage of one SMS into a grave-violation category, following the shared labelling guide. Every language's
 * lexicon is applied (people code-switch, and language identification errs on short texts); the identified
 * language's lexicon weighs a little more. When no lexicon term matched at all, an optional learned model
 * ({@link ModelFallback}) may still recognise an alert worded in a way the lexicons do not know. Thread-safe.
 */
public final class ViolationClassifier {
    private final ViolationLexicon lexicon;
    private final ModelFallback fallback;

    /** Lexicon only. */
    public ViolationClassifier(ViolationLexicon lexicon) {
        this(lexicon, null);
    }

    /** @param fallback the learned model consulted when the lexicon found nothing; null for lexicon only */
    public ViolationClassifier(ViolationLexicon lexicon, ModelFallback fallback) {
        this.lexicon = java.util.Objects.requireNonNull(lexicon, "lexicon");
        this.fallback = fallback;
    }

    /** The shipped lexicons and model. */
    public static ViolationClassifier loadDefault() {
        return new ViolationClassifier(ViolationLexicon.loadDefault(), ModelFallback.loadDefault());
    }

    /** @param language the identified language; may be wrong, or {@link Language#UND} */
    public ViolationResult classify(String text, Language language) {
        String safe = text == null ? "" : text;
        ViolationResult result = new Scoring(lexicon, MatchTokens.of(safe),
                language == null ? Language.UND : language).run();
        return fallback == null ? result : fallback.apply(safe, result);
    }
}
