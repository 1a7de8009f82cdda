package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;

/** One category's summed evidence for a message. */
public record CategoryScore(Category category, double score) {
}
