package org.kunnafoni.campaign;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Next-run computation with a pinned "now" (Monday 30 November 2026, noon in Bamako = UTC). */
class ScheduleTest {
    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @ParameterizedTest(name = "{0} until {1}: first {2}, then {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "0 9 * * *       | -                    | 2026-12-01T09:00:00Z | 2026-12-02T09:00:00Z",
            "0 12 * * *      | -                    | 2026-11-30T12:00:00Z | 2026-12-01T12:00:00Z",
            "30 14 * * *     | -                    | 2026-11-30T14:30:00Z | 2026-12-01T14:30:00Z",
            "0 9 * * MON     | -                    | 2026-12-07T09:00:00Z | 2026-12-14T09:00:00Z",
            "0 9 * * 1       | -                    | 2026-12-07T09:00:00Z | 2026-12-14T09:00:00Z",
            "0 18 * * MON,THU| -                    | 2026-11-30T18:00:00Z | 2026-12-03T18:00:00Z",
            "0 8 1 * *       | -                    | 2026-12-01T08:00:00Z | 2027-01-01T08:00:00Z",
            "0 8,17 * * *    | -                    | 2026-11-30T17:00:00Z | 2026-12-01T08:00:00Z",
            "0 9 * * *       | 2026-12-02T00:00:00Z | 2026-12-01T09:00:00Z | -",
            "0 9 * * *       | 2026-12-01T09:00:00Z | -                    | -",
    })
    void recurringRunsFollowTheRuleInBamakoTime(String cron, String until, String first, String second) {
        Schedule.Recurring schedule = new Schedule.Recurring(cron, Optional.ofNullable(until).map(Instant::parse));
        Optional<Instant> run = schedule.firstRun(NOON);
        assertThat(run.map(Instant::toString)).isEqualTo(Optional.ofNullable(first));
        if (run.isPresent()) {
            assertThat(schedule.nextAfter(run.get()).map(Instant::toString)).isEqualTo(Optional.ofNullable(second));
        }
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', value = {"0 9 * *", "61 9 * * *", "0 25 * * *", "every monday", "0 9 * * XYZ", "''"})
    void badRulesAreRefused(String cron) {
        assertThatThrownBy(() -> new Schedule.Recurring(cron, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}: shortest gap {1} minutes")
    @CsvSource(delimiter = '|', value = {"0 9 * * * | 1440", "*/10 * * * * | 10", "0,1 9 * * * | 1", "0 * * * * | 60"})
    void shortestGapFindsRulesThatWouldFloodSubscribers(String cron, long minutes) {
        assertThat(new Schedule.Recurring(cron, Optional.empty()).shortestGap(NOON, 50))
                .contains(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest(name = "one-off at {0}")
    @CsvSource({"2026-11-30T12:00:00Z", "2027-01-15T08:30:00Z"})
    void aOneOffRunsOnceAtItsTime(String at) {
        Schedule.OneOff schedule = new Schedule.OneOff(Instant.parse(at));
        assertThat(schedule.firstRun(NOON)).contains(Instant.parse(at));
        assertThat(schedule.nextAfter(Instant.parse(at))).isEmpty();
    }
}
