package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

import java.util.Set;

/** The lexicon rules that are more than one pattern. */
final class Rules {
    private Rules() {
    }

    /**
     * Context words cancel evidence for {@code cancels} within {@code window} words (0: the whole message);
     * {@code cancelsChild} also discounts child cues there ("il laisse 5 enfants": the victim is the parent).
     */
    record Context(String label, Set<Category> cancels, boolean cancelsChild, int window, Language language) {
    }

    /**
     * A word of the {@code any} groups and one of the {@code with} groups within {@code window} words add weight;
     * when {@code ordered}, the {@code any} word must come first ("enfants armés", not "hommes armés … enfants").
     */
    record Combo(Category category, double weight, int window, boolean ordered, Set<String> any, Set<String> with,
                 Language language) {
    }
}
