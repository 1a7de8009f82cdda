package org.kunnafoni.lead;

import org.kunnafoni.triage.Category;

import java.time.Instant;
import java.util.Set;

/**
 * What clustering needs to know about a new report.
 *
 * @param region  admin-1 slug, null when triage found no place
 * @param place   the place name triage found, null when none
 * @param terms   the text's content words ({@link TextSimilarity#terms})
 */
public record ReportFacts(String region, String place, Category category, Set<String> terms, Instant receivedAt) {
    public ReportFacts {
        terms = Set.copyOf(terms);
    }
}
