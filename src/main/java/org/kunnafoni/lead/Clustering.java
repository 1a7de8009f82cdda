package org.kunnafoni.lead;

import org.kunnafoni.triage.Category;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a report is about an incident that already has an open lead. A candidate must be open, of the
 * same region (both without region counts as the same) and category, and last seen within the window; it then
 * matches on the same place or on similar wording. Among matches, same place beats wording, closer wording beats
 * looser, and the most recently active lead wins ties.
 */
public final class Clustering {
    private Clustering() {
    }

    public static ClusterDecision decide(ReportFacts report, List<LeadCandidate> candidates, ClusterPolicy policy) {
        return candidates.stream()
                .filter(c -> eligible(report, c.lead(), policy.window()))
                .map(c -> score(report, c, policy))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Match::samePlace).thenComparingDouble(Match::similarity)
                        .thenComparing(m -> m.lead().lastSeen()))
                .<ClusterDecision>map(m -> new ClusterDecision.Attach(m.lead().id(), m.reason()))
                .orElseGet(ClusterDecision.Open::new);
    }

    private static boolean eligible(ReportFacts report, Lead lead, Duration window) {
        return lead.status().open()
                && lead.category() == report.category()
                && Objects.equals(lead.region(), report.region())
                && Duration.between(lead.lastSeen(), report.receivedAt()).abs().compareTo(window) <= 0;
    }

    private static Optional<Match> score(ReportFacts report, LeadCandidate candidate, ClusterPolicy policy) {
        boolean notRelevant = report.category() == Category.NOT_RELEVANT;
        // greetings and tests from one village are not one incident: only near-identical texts cluster
        double threshold = notRelevant ? Math.max(ClusterPolicy.NEAR_IDENTICAL, policy.minSimilarity())
                : policy.minSimilarity();
        boolean samePlace = !notRelevant && report.place() != null
                && report.place().equalsIgnoreCase(Objects.requireNonNullElse(candidate.lead().place(), ""));
        double similarity = TextSimilarity.best(report.terms(), candidate.recentTerms());
        if (!samePlace && similarity < threshold) {
            return Optional.empty();
        }
        String reason = samePlace ? "same place: " + report.place()
                : String.format(java.util.Locale.ROOT, "similar text: %.2f", similarity);
        return Optional.of(new Match(candidate.lead(), samePlace, similarity, reason));
    }

    private record Match(Lead lead, boolean samePlace, double similarity, String reason) {
    }
}
