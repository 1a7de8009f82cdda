package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

/** What a lexicon pattern means when it is found in a message. */
sealed interface Cue {
    Language language();

    /** Evidence for a category (not_relevant included). */
    record Evidence(Category category, double weight, Language language) implements Cue {
    }

    /** The message is about a child (enfant, den, child…). */
    record Child(Language language) implements Cue {
    }

    /** A word that cancels a following term of the same language (pas, aucun, no, ma…). */
    record Negator(Language language) implements Cue {
    }

    /** A word beside a number that makes it an age (ans, years, san…). */
    record AgeUnit(Language language) implements Cue {
    }

    /** A word that starts a new clause, so negation does not carry over it (mais, but…). */
    record ClauseBreak(Language language) implements Cue {
    }

    /** A word that cancels nearby evidence for some categories (grève next to école fermée…). */
    record ContextTerm(int context, Language language) implements Cue {
    }

    /**
     * A word of a named group (actors, school_buildings, attacked…). Groups of the same name in different files
     * are one concept, so a combo pairs a Bambara school word with a French verb in a code-switched message.
     */
    record GroupMember(String group, Language language) implements Cue {
    }
}
