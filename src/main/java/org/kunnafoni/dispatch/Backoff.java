package org.kunnafoni.dispatch;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter for retryable send errors. Jitter spreads retries of many dispatches that
 * failed together (a provider outage) so they do not come back in one burst.
 *
 * @param maxAttempts total sends allowed, the first one included
 */
public record Backoff(Duration start, double factor, double jitter, Duration cap, int maxAttempts) {
    public Backoff {
        if (start.isNegative() || cap.compareTo(start) < 0 || factor < 1 || jitter < 0 || jitter >= 1
                || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid back-off " + start + " x" + factor + " ±" + jitter
                    + " cap " + cap + " max " + maxAttempts);
        }
    }

    /** About 100 ms, doubling, ±10 %, at most 30 s, 5 sends in all. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(100), 2.0, 0.10, Duration.ofSeconds(30), 5);
    }

    /** The pause after {@code attemptsMade} failed sends, or empty when no attempt is left. */
    public Optional<Duration> after(int attemptsMade, RandomGenerator random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        double base = start.toMillis() * Math.pow(factor, Math.max(0, attemptsMade - 1));
        double jittered = base * (1 + jitter * (2 * random.nextDouble() - 1));
        return Optional.of(Duration.ofMillis(Math.round(Math.min(jittered, cap.toMillis()))));
    }
}
