package org.kunnafoni.triage;

import org.kunnafoni.triage.extract.Extraction;
import org.kunnafoni.triage.language.LanguageGuess;
import org.kunnafoni.triage.place.PlaceMatch;
import org.kunnafoni.triage.priority.PriorityResult;
import org.kunnafoni.triage.violation.ViolationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything triage concluded about one message, with the reasons a monitor can read. */
public record TriageResult(
        LanguageGuess language,
        Optional<PlaceMatch> place,
        ViolationResult violation,
        Extraction extraction,
        PriorityResult priority) {

    public Category category() {
        return violation.category();
    }

    public Optional<String> region() {
        return place.map(PlaceMatch::region);
    }

    /** Reasons in reading order: language, place, violation, extracted facts, priority rules. */
    public List<String> reasons() {
        List<String> all = new ArrayList<>();
        all.add("language:" + language.language().code() + " (" + language.method() + ")");
        place.ifPresent(p -> all.add("place:" + p.name() + " → " + p.region() + " ('" + p.matched() + "'"
                + (p.fuzzy() ? ", spelling corrected" : "") + ")"));
        all.addAll(violation.reasons());
        all.addAll(extraction.reasons());
        all.addAll(priority.reasons());
        return all;
    }
}
