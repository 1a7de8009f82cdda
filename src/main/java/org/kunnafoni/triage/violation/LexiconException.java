package org.kunnafoni.triage.violation;

import java.util.List;

/** A lexicon file could not be used; the message lists every problem found, one per line. */
public final class LexiconException extends RuntimeException {
    private final List<String> problems;

    public LexiconException(List<String> problems) {
        super("invalid triage lexicon:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
