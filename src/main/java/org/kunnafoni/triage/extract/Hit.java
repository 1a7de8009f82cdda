package org.kunnafoni.triage.extract;

import java.util.List;

/** A phrase found in the message, tokens {@code [start, end)}, with its meanings. */
record Hit(int start, int end, int clause, String phrase, List<Cue> cues, boolean negated) {

    boolean has(CueKind kind) {
        return cue(kind) != null;
    }

    /** The first meaning of this kind, or null. */
    Cue cue(CueKind kind) {
        for (Cue cue : cues) {
            if (cue.kind() == kind) {
                return cue;
            }
        }
        return null;
    }

    /** Has the kind and is not negated: the facts only count live hits. */
    boolean live(CueKind kind) {
        return !negated && has(kind);
    }

    Hit negate() {
        return new Hit(start, end, clause, phrase, cues, true);
    }
}
