package org.kunnafoni.radio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.text.SegmentCounter;
import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderTextTest {
    private static final ReminderText TEXTS = ReminderText.loadDefault();
    private static final RadioScript SCRIPT = new RadioScript("0123456789ab", "C1", "P1", "how_to_report",
            Language.FRA, "tombouctou", Instant.parse("2026-12-02T19:00:00Z"), Duration.ofMinutes(10), "K7P2Q9",
            "text", Duration.ofMinutes(1), BroadcastStatus.PLANNED, Optional.empty(), Optional.empty());

    private static RadioPartner partner(String... languages) {
        return new RadioPartner("P1", "Radio A", List.of("tombouctou"),
                Arrays.stream(languages).map(l -> Language.fromCode(l).orElseThrow()).toList(), List.of(), List.of(),
                List.of(), "hash", false, Instant.EPOCH);
    }

    @ParameterizedTest(name = "station in {0} → {1}")
    @CsvSource({"fra, fra", "eng, eng", "'bam,eng', eng", "'bam,fra', fra", "bam, fra", "'ses,taq', fra"})
    void theStationGetsTheFirstOfItsLanguagesWithATextElseFrench(String languages, String expected) {
        assertThat(TEXTS.languageFor(partner(languages.split(","))).code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fra", "eng"})
    void saysHowToConfirmOrPostponeInOneGsm7Segment(String language) {
        String text = TEXTS.render(partner(language), SCRIPT);
        assertThat(text).contains("02/12/2026 19:00", "0123456789ab", "OK K7P2Q9", "REPORT K7P2Q9")
                .doesNotContain("{{");
        var cost = SegmentCounter.count(text);
        assertThat(cost.segments()).as(text).isEqualTo(1);
        assertThat(cost.encoding()).as(text).isEqualTo(org.kunnafoni.text.SmsEncoding.GSM7);
    }

    @Test
    void frenchIsRequired() {
        assertThatThrownBy(() -> ReminderText.of(l -> l == Language.ENG ? Optional.of("x") : Optional.empty()))
                .hasMessageContaining("radio_reminder/fra.txt is missing");
    }

    @Test
    void aVariableTheTemplateDoesNotKnowIsAnErrorNotAHole() {
        ReminderText broken = ReminderText.of(l -> Optional.of("Confirmez {{cod}}"));
        assertThatThrownBy(() -> broken.render(partner("fra"), SCRIPT)).hasMessageContaining("radio_reminder/fra.txt");
    }
}
