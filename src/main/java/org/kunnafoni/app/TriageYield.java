package org.kunnafoni.app;

import java.time.Duration;

/**
 * Triage gives way to a saturated intake ({@code triage.busy-intake-waiting}, {@code triage.busy-share}). While at
 * least {@code busyWaiting} received messages wait to be stored, a worker reads small batches and rests after each
 * so that it runs at most {@code share} of the time. The CPU and Redis then go to answering webhooks (a webhook
 * left unanswered may be a report lost), the stream holds the backlog, and triage still moves forward; it catches
 * up at full speed once the flood is over.
 */
record TriageYield(int busyWaiting, double share) {
    /** Never yields (tests, and {@code busy-intake-waiting: 0}). */
    static final TriageYield NEVER = new TriageYield(0, 1.0);
    /** Entries read at once while intake is busy: a short burst of triage's Redis writes. */
    static final int BUSY_BATCH = 50;
    /** A rest never exceeds this. */
    static final Duration LONGEST_REST = Duration.ofSeconds(1);
    /** A rest is taken in slices this long, and ends at the first slice after which intake is no longer busy. */
    static final Duration REST_SLICE = Duration.ofMillis(10);

    TriageYield {
        if (busyWaiting < 0 || !(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("busyWaiting >= 0 and 0 < share <= 1, not " + busyWaiting + ", " + share);
        }
    }

    boolean busy(int waiting) {
        return busyWaiting > 0 && share < 1 && waiting >= busyWaiting;
    }

    /** How many entries to read now. */
    int batch(int waiting, int normal) {
        return busy(waiting) ? Math.min(normal, BUSY_BATCH) : normal;
    }

    /** The rest after a batch that took {@code worked}: worked × (1 − share) ÷ share, at most a second; zero when not busy. */
    Duration rest(Duration worked, int waiting) {
        if (!busy(waiting) || worked.isNegative()) {
            return Duration.ZERO;
        }
        long nanos = (long) (worked.toNanos() * (1 - share) / share);
        return nanos >= LONGEST_REST.toNanos() ? LONGEST_REST : Duration.ofNanos(nanos);
    }
}
