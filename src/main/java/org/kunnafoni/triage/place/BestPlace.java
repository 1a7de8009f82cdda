package org.kunnafoni.triage.place;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the place an incident most likely happened at among the places a text mentions. */
final class BestPlace {
    /** How much more confident a less specific match must be to win over a more specific one. */
    static final double CLEARLY_MORE_CONFIDENT = 0.2;

    private BestPlace() {
    }

    static Optional<Found> choose(List<Found> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Found> pool = found;
        // Reporters name where they are from as well as where it happened; a locative cue marks the latter.
        boolean severalRegions = found.stream().map(f -> f.match().region()).distinct().count() > 1;
        List<Found> cued = found.stream().filter(Found::cue).toList();
        if (severalRegions && !cued.isEmpty()) {
            pool = cued;
        }
        Comparator<Found> earlierFirst = Comparator.comparingInt((Found f) -> f.match().start()).reversed();
        Found specific = pool.stream().max(Comparator.comparingInt(Found::specificity)
                .thenComparingDouble(f -> f.match().score()).thenComparing(earlierFirst)).orElseThrow();
        Found confident = pool.stream().max(Comparator.comparingDouble((Found f) -> f.match().score())
                .thenComparing(earlierFirst)).orElseThrow();
        boolean clearlyBetter = confident.match().score() - specific.match().score() >= CLEARLY_MORE_CONFIDENT - 1e-9;
        return Optional.of(clearlyBetter ? confident : specific);
    }
}
