package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

import java.util.Set;

/** The lexicon rules that are more than one pattern. */
final class Rules {
    private Rules() {
    }

    /** Context words cancel evidence for {@code cancels} within {@code window} words (0: the whole message). */
    record Context(String label, Set<Category> cancels, int window, Language language) {
    }

    /** A word of {@code any} and a word of {@code with} within {@code window} words add {@code weight}. */
    record Combo(String label, Category category, double weight, int window, Language language) {
    }
}
