package org.kunnafoni.triage.extract;

import org.kunnafoni.triage.Language;

/**
 * One meaning of a phrase. {@code tag} refines the kind (actor, time cue, sex, duration unit, or for numbers
 * where they stand: {@code before}, {@code after} or {@code both} the noun); {@code number} is the value of
 * numbers and counted nouns. {@code language} is null for digits, which belong to no language.
 */
record Cue(CueKind kind, String tag, int number, Language language) {

    static Cue of(CueKind kind, Language language) {
        return new Cue(kind, "", 0, language);
    }

    static Cue tagged(CueKind kind, String tag, Language language) {
        return new Cue(kind, tag, 0, language);
    }

    boolean numberBeforeNoun() {
        return !tag.equals("after");
    }

    boolean numberAfterNoun() {
        return !tag.equals("before");
    }
}
