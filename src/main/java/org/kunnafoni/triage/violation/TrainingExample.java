package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;

/** One labelled SMS of the team-written training set. */
public record TrainingExample(Category category, String text) {
}
