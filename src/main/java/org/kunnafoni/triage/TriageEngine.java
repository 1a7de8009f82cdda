package org.kunnafoni.triage;

import org.kunnafoni.triage.extract.Extraction;
import org.kunnafoni.triage.extract.Extractor;
import org.kunnafoni.triage.language.LanguageGuess;
import org.kunnafoni.triage.language.LanguageIdentifier;
import org.kunnafoni.triage.place.Gazetteer;
import org.kunnafoni.triage.place.PlaceMatch;
import org.kunnafoni.triage.place.PlaceMatcher;
import org.kunnafoni.triage.priority.PriorityRules;
import org.kunnafoni.triage.violation.ViolationClassifier;
import org.kunnafoni.triage.violation.ViolationResult;

import java.util.Optional;

/**
 * The one triage pipeline, used by the server's workers, the {@code triage} command and the evaluation: language,
 * place, violation, facts, priority. Pure and thread-safe once built; loading the models takes a moment, so
 * build it once.
 */
public final class TriageEngine {
    /** Places found only on weak evidence (an ambiguous name after a weak cue) are not trusted. */
    static final double MIN_PLACE_SCORE = 0.8;

    private final LanguageIdentifier languages;
    private final PlaceMatcher places;
    private final ViolationClassifier violations;
    private final Extractor extractor;
    private final PriorityRules priorities;

    public TriageEngine(LanguageIdentifier languages, PlaceMatcher places, ViolationClassifier violations,
                        Extractor extractor, PriorityRules priorities) {
        this.languages = languages;
        this.places = places;
        this.violations = violations;
        this.extractor = extractor;
        this.priorities = priorities;
    }

    /** The engine with the models and lexicons shipped in {@code config/} and the jar. */
    public static TriageEngine loadDefault() {
        return new TriageEngine(
                LanguageIdentifier.loadDefault(),
                new PlaceMatcher(Gazetteer.loadDefault()),
                ViolationClassifier.loadDefault(),
                Extractor.loadDefault(),
                new PriorityRules());
    }

    /** @param knownLanguage the sender's language if known (e.g. from a subscription), used for very short texts */
    public TriageResult triage(String text, Optional<Language> knownLanguage) {
        String safe = text == null ? "" : text;
        LanguageGuess language = languages.identify(safe, knownLanguage);
        Optional<PlaceMatch> place = places.best(safe).filter(p -> p.score() >= MIN_PLACE_SCORE);
        ViolationResult violation = violations.classify(safe, language.language());
        Extraction extraction = extractor.extract(safe);
        return new TriageResult(language, place, violation, extraction,
                priorities.assess(violation.category(), extraction));
    }
}
