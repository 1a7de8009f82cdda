package org.kunnafoni.radio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A slot Wednesday 19:00–19:10 (UTC = Bamako); reminder 2 h after its end, missed 2 days after it. */
class ReminderPolicyTest {
    private static final Instant AIR = Instant.parse("2026-12-02T19:00:00Z");
    private static final ReminderPolicy POLICY = new ReminderPolicy(Duration.ofHours(2), Duration.ofDays(2));

    private static RadioScript script(String status, boolean reminded) {
        return new RadioScript("S1", "C1", "P1", "how_to_report", Language.FRA, "gao", AIR, Duration.ofMinutes(10),
                "K7P2Q9", "text", Duration.ofMinutes(1), BroadcastStatus.valueOf(status.toUpperCase()),
                Optional.empty(), reminded ? Optional.of(AIR.plusSeconds(9000)) : Optional.empty());
    }

    private static RadioPartner partner(boolean revoked) {
        RadioPartner p = new RadioPartner("P1", "Radio A", List.of("gao"), List.of(Language.FRA), List.of(),
                List.of("enc"), List.of("pseudo"), "hash", false, AIR.minusSeconds(86_400));
        return revoked ? p.revoke() : p;
    }

    @ParameterizedTest(name = "{0}, reminded={1}, partner={2}, at {3} → {4}")
    @CsvSource({
            "planned,   false, live,    2026-12-02T21:10:00Z, send",
            "planned,   false, live,    2026-12-04T19:09:59Z, send",
            "planned,   false, live,    2026-12-04T19:10:00Z, already missed",
            "confirmed, false, live,    2026-12-02T21:10:00Z, confirmed",
            "postponed, false, live,    2026-12-02T21:10:00Z, postponed",
            "planned,   true,  live,    2026-12-02T23:00:00Z, already reminded",
            "planned,   false, revoked, 2026-12-02T21:10:00Z, partner revoked",
            "planned,   false, gone,    2026-12-02T21:10:00Z, partner revoked",
    })
    void decidesWhetherADueBroadcastGetsItsReminder(String status, boolean reminded, String partner, String at,
                                                    String expected) {
        Optional<RadioPartner> p = partner.equals("gone") ? Optional.empty()
                : Optional.of(partner(partner.equals("revoked")));
        ReminderPolicy.Decision d = POLICY.decide(script(status, reminded), p, Instant.parse(at));
        assertThat(d instanceof ReminderPolicy.Decision.Skip skip ? skip.why() : "send").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
            "planned,   2026-12-02T18:00:00Z, planned",
            "planned,   2026-12-02T19:10:00Z, planned",
            "planned,   2026-12-04T19:09:59Z, planned",
            "planned,   2026-12-04T19:10:00Z, missed",
            "confirmed, 2026-12-20T00:00:00Z, confirmed",
            "postponed, 2026-12-20T00:00:00Z, postponed",
    })
    void missedCountsFromTheEndOfTheSlotPlusMissedAfter(String status, String at, String expected) {
        assertThat(POLICY.status(script(status, false), Instant.parse(at)).id()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "after {0}, missed after {1}")
    @CsvSource({"PT2H, PT2H", "PT2H, PT1H", "PT0S, P1D", "-PT1H, P1D"})
    void missedAfterMustComeAfterThePositiveReminderDelay(String after, String missed) {
        assertThatThrownBy(() -> new ReminderPolicy(Duration.parse(after), Duration.parse(missed)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
