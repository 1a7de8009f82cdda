package org.kunnafoni.dispatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    /** A random source that always answers {@code value}: 0 = most negative jitter, 0.5 = none, ~1 = most. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @ParameterizedTest(name = "after {0} attempts, random {1} -> {2} ms")
    @CsvSource({
            "1, 0.5, 100", "2, 0.5, 200", "3, 0.5, 400", "4, 0.5, 800",
            "1, 0.0, 90", "1, 1.0, 110", "3, 0.0, 360", "3, 1.0, 440",
    })
    void doublesWithTenPercentJitter(int attempts, double random, long millis) {
        assertThat(Backoff.standard().after(attempts, fixed(random))).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "attempt {0} capped at 30 s")
    @CsvSource({"10, 0.5", "15, 1.0", "30, 0.99"})
    void cappedAtThirtySeconds(int attempts, double random) {
        Backoff manyTries = new Backoff(Duration.ofMillis(100), 2, 0.1, Duration.ofSeconds(30), 100);
        assertThat(manyTries.after(attempts, fixed(random))).contains(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0} attempts made -> exhausted")
    @CsvSource({"5", "6", "50"})
    void stopsAfterMaxAttempts(int attempts) {
        assertThat(Backoff.standard().after(attempts, fixed(0.5))).isEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 2, 0.1, Duration.ofMillis(10), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), 2, 0.1, Duration.ofSeconds(10), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
