package org.kunnafoni.triage.priority;

import java.util.List;

/**
 * A lead's priority, a score that orders leads within and across levels (urgent ≥ 75, high 50–74,
 * normal 25–49, low &lt; 25), and the names of the rules that fired, e.g. {@code rule:abduction_in_progress}.
 */
public record PriorityResult(Priority priority, int score, List<String> reasons) {
    public PriorityResult {
        if (score < priority.minScore() || score > priority.maxScore()) {
            throw new IllegalArgumentException("score " + score + " outside the " + priority.id() + " band");
        }
        reasons = List.copyOf(reasons);
    }
}
