package org.kunnafoni.triage.priority;

import java.util.Locale;

/** How fast a monitor should look at a lead; bands of the 0–100 score are fixed per level. */
public enum Priority {
    URGENT(75, 100), HIGH(50, 74), NORMAL(25, 49), LOW(0, 24);

    private final int minScore;
    private final int maxScore;

    Priority(int minScore, int maxScore) {
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    /** The identifier used in the API and exports: {@code urgent}, {@code high}, {@code normal}, {@code low}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int minScore() {
        return minScore;
    }

    public int maxScore() {
        return maxScore;
    }

    /** A score clamped into this level's band, so ordering by score never crosses levels. */
    int clamp(int score) {
        return Math.max(minScore, Math.min(maxScore, score));
    }
}
