package org.kunnafoni.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The lateness the limiter allows a send: every 1 s window stays within the rate while a send is less late. */
class RateLimiterSlackTest {
    @ParameterizedTest(name = "{0}/s → slots {1} ms apart, slack {2} µs")
    @CsvSource({
            "10,   101.5,   15000",   // the 10th slot after is 1015 ms away
            "1,    1015.0,  15000",
            "1000, 1.015,   15000",
            "7.5,  135.333, 82664",   // 8 per second even on time: the 8th slot after is 1082.7 ms away
            "0.5,  2030.0,  1030000",
    })
    void slack(double rate, double intervalMillis, long expectedMicros) {
        assertThat(RedisRateLimiter.slack(rate, intervalMillis).toNanos() / 1000).isEqualTo(expectedMicros);
    }
}
