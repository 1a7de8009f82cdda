package org.kunnafoni.intake.keyword;

import java.util.List;

/** The keyword file cannot be used; the message lists every problem found, not just the first. */
public final class KeywordTableException extends IllegalArgumentException {
    private final List<String> problems;

    public KeywordTableException(String source, List<String> problems) {
        super(source + " has " + problems.size() + " problem(s):\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
