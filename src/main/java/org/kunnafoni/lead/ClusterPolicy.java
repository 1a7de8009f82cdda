package org.kunnafoni.lead;

import java.time.Duration;

/**
 * When a report joins an existing lead.
 *
 * @param window        a lead is a candidate while its last report is at most this far from the new one
 * @param minSimilarity word-set similarity (0–1) at or above which two texts describe the same incident
 */
public record ClusterPolicy(Duration window, double minSimilarity) {
    /** Alerts that are not about children cluster only when they are practically the same text (repeated tests, spam). */
    public static final double NEAR_IDENTICAL = 0.9;

    public ClusterPolicy {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("cluster window must be positive: " + window);
        }
        if (minSimilarity <= 0 || minSimilarity > 1) {
            throw new IllegalArgumentException("minimum similarity must be in (0, 1]: " + minSimilarity);
        }
    }
}
