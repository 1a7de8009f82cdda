package org.kunnafoni.dispatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {
    @ParameterizedTest(name = "{0} region {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "2025-03-10T12:00:00Z, -,      now",
            "2025-03-10T07:00:00Z, -,      now",
            "2025-03-10T20:59:59Z, -,      now",
            "2025-03-10T21:00:00Z, -,      2025-03-11T07:00:00Z",
            "2025-03-10T23:30:00Z, -,      2025-03-11T07:00:00Z",
            "2025-03-11T00:00:00Z, -,      2025-03-11T07:00:00Z",
            "2025-03-11T06:59:59Z, -,      2025-03-11T07:00:00Z",
            "2025-12-31T22:00:00Z, -,      2026-01-01T07:00:00Z",
            // region windows replace the default one
            "2025-03-10T20:30:00Z, kidal,  2025-03-11T06:00:00Z",
            "2025-03-10T06:30:00Z, kidal,  now",
            "2025-03-10T20:30:00Z, gao,    now",
            "2025-03-10T13:30:00Z, mopti,  2025-03-10T14:00:00Z",
            "2025-03-10T14:00:00Z, mopti,  now",
            "2025-03-10T03:00:00Z, bamako, now",
    })
    void answersSendNowOrDeferUntil(String now, String region, String expected) {
        QuietHours quiet = new QuietHours(ZoneId.of("Africa/Bamako"), QuietHours.DEFAULT_WINDOW, Map.of(
                "kidal", QuietHours.Window.parse("20:00-06:00"),
                "mopti", QuietHours.Window.parse("13:00 - 14:00"),
                "bamako", QuietHours.Window.parse("00:00-00:00")),
                InstantSource.fixed(Instant.parse(now)));
        QuietHours.Decision decision = quiet.check(Optional.ofNullable(region));
        if (expected.equals("now")) {
            assertThat(decision).isInstanceOf(QuietHours.Decision.SendNow.class);
        } else {
            assertThat(decision).isEqualTo(new QuietHours.Decision.DeferUntil(Instant.parse(expected)));
        }
    }

    @ParameterizedTest(name = "{0} in Paris -> {1}")
    @CsvSource({
            // another zone with a DST change in the night: the window is in local time
            "2025-03-29T20:30:00Z, 2025-03-30T05:00:00Z",
            "2025-03-29T19:30:00Z, now",
    })
    void windowsAreInLocalTime(String now, String expected) {
        QuietHours quiet = new QuietHours(ZoneId.of("Europe/Paris"), QuietHours.DEFAULT_WINDOW, Map.of(),
                InstantSource.fixed(Instant.parse(now)));
        QuietHours.Decision decision = quiet.check(Optional.empty());
        assertThat(decision instanceof QuietHours.Decision.DeferUntil d ? d.until().toString() : "now")
                .isEqualTo(expected);
    }
}
