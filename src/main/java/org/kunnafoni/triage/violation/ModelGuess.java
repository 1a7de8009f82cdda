package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;

/** The triage model's best category for a text and its probability (0–1). */
public record ModelGuess(Category category, double probability) {
}
