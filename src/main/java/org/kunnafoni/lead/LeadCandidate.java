package org.kunnafoni.lead;

import java.util.List;
import java.util.Set;

/**
 * An existing lead offered to clustering, with the content words of its most recent reports (a lead that
 * grows over a day may drift in wording, so each report is compared with several, not with one summary).
 */
public record LeadCandidate(Lead lead, List<Set<String>> recentTerms) {
    public LeadCandidate {
        recentTerms = recentTerms.stream().map(Set::copyOf).toList();
    }
}
