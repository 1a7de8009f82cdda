package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;

import java.util.List;

/**
 * The triage decision for one message: the chosen category, every category with evidence (best first)
 * and the human-readable reasons a monitor sees (matched terms, negations, contexts, dropped categories).
 */
public record ViolationResult(Category category, List<CategoryScore> candidates, List<String> reasons) {
    public ViolationResult {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
    }
}
