package org.kunnafoni.radio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RadioPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z"); // Monday noon, Mali time = UTC

    private static RadioPlan plan(String languages, String slots, String first, String last) {
        return plan(languages, slots, first, last, java.util.Map.of());
    }

    private static RadioPlan plan(String languages, String slots, String first, String last,
                                  java.util.Map<String, Long> verified) {
        AtomicInteger ids = new AtomicInteger();
        RadioPlanner planner = new RadioPlanner(TemplateLibrary.loadDefault(), RadioSettings.loadDefault(),
                "+223 20 20 20 20", () -> "S" + ids.incrementAndGet(), new SplittableRandom(1));
        List<BroadcastSlot> slotList = Arrays.stream(slots.split(" ")).map(s -> s.split("@|/"))
                .map(p -> new BroadcastSlot(DayOfWeek.valueOf(p[0]), LocalTime.parse(p[1]),
                        Duration.ofMinutes(Long.parseLong(p[2])))).toList();
        RadioPartner partner = new RadioPartner("P1", "Radio Kaoural", List.of("gao"),
                Arrays.stream(languages.split(" ")).map(c -> Language.fromCode(c).orElseThrow()).toList(),
                slotList, List.of(), List.of(), "h", false, NOW);
        RadioCampaign campaign = new RadioCampaign("C", "mines_explosive_remnants", List.of("gao", "kidal"),
                List.of(Language.FRA, Language.BAM, Language.SES), LocalDate.parse(first), LocalDate.parse(last), "sup", NOW);
        return planner.plan(campaign, List.of(partner), NOW, verified);
    }

    @ParameterizedTest(name = "{1} from {2} to {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            // the Monday 10:00 slot has passed at noon; Monday 19:00 has not
            "fra | MONDAY@10:00/10 MONDAY@19:00/10 | 2026-11-30 | 2026-12-07 | 2026-11-30T19:00:00Z 2026-12-07T10:00:00Z 2026-12-07T19:00:00Z",
            "fra | WEDNESDAY@07:30/10 SATURDAY@18:00/10 | 2026-11-30 | 2026-12-06 | 2026-12-02T07:30:00Z 2026-12-05T18:00:00Z",
            "fra | SUNDAY@20:00/10 | 2026-12-01 | 2026-12-05 | ''",
    })
    void plansEveryFutureSlotInTheRange(String languages, String slots, String first, String last, String expected) {
        RadioPlan plan = plan(languages, slots, first, last);
        assertThat(plan.scripts().stream().map(s -> s.airAt().toString()).toList())
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
        assertThat(plan.scripts()).allMatch(s -> s.code().matches("[A-Z2-9]{6}") && s.code().matches(".*\\d.*"));
        assertThat(plan.scripts()).allMatch(s -> s.text().contains("Radio Kaoural") && s.text().contains("Gao"));
        assertThat(plan.gaps().isEmpty()).isEqualTo(!expected.isEmpty());
    }

    @ParameterizedTest(name = "{0}-minute slot fits: {1}")
    @CsvSource({"10, true", "1, false"})
    void flagsScriptsLongerThanTheSlot(int minutes, boolean fits) {
        RadioPlan plan = plan("fra", "TUESDAY@19:00/" + minutes, "2026-11-30", "2026-12-06");
        assertThat(plan.scripts()).singleElement().satisfies(s -> assertThat(s.fitsSlot()).isEqualTo(fits));
        assertThat(plan.tooLong()).isEqualTo(fits ? 0 : 1);
    }

    @ParameterizedTest
    @CsvSource({
            "ses fra, no script in ses; the fra script is sent, fra",
            // Bambara scripts are shipped and approved: no gap
            "bam fra, '', bam",
    })
    void reportsPartnersWithoutAScriptInTheirLanguage(String languages, String gap, String sent) {
        RadioPlan plan = plan(languages, "TUESDAY@19:00/10", "2026-11-30", "2026-12-06");
        if (gap.isEmpty()) {
            assertThat(plan.gaps()).isEmpty();
        } else {
            assertThat(plan.gaps()).extracting(RadioPlan.Gap::problem).containsExactly(gap);
        }
        assertThat(plan.scripts()).singleElement().extracting(s -> s.language().code()).isEqualTo(sent);
    }

    @ParameterizedTest(name = "{1} verified in {0} for a {2} partner → trend line: {3}")
    @CsvSource({
            "gao,   5, fra, true",
            "gao,   4, fra, false",
            "kidal, 9, fra, false",
            // the Bambara script has no trend line (French only): a number read in French would not be understood
            "gao,   7, bam, false",
    })
    void trendLineOnlyFromFiveVerifiedLeadsInTheRegion(String region, long count, String language, boolean shown) {
        RadioPlan plan = plan(language, "TUESDAY@19:00/10", "2026-11-30", "2026-12-06",
                java.util.Map.of(region, count));
        assertThat(plan.scripts()).singleElement().satisfies(s -> assertThat(s.text().contains(
                count + " signalements d'enfants en danger dans la région de Gao")).isEqualTo(shown));
    }
}
