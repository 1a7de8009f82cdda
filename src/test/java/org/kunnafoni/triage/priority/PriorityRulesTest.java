package org.kunnafoni.triage.priority;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.extract.Actor;
import org.kunnafoni.triage.extract.Extraction;
import org.kunnafoni.triage.extract.Sex;
import org.kunnafoni.triage.extract.TimeCue;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityRulesTest {
    private static final PriorityRules RULES = new PriorityRules();

    @ParameterizedTest(name = "{0} {1} children={2} several={3} medical={4} ongoing={5} → {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // category | time | children | several | medical | ongoing | priority | rules
            "killing_maiming|NOW|1|false|false|false|URGENT|danger_ongoing",
            "recruitment_use|UNKNOWN|-|false|false|true|URGENT|danger_ongoing",
            "attack_school_hospital|NOW|-|false|false|true|URGENT|danger_ongoing",
            "abduction|TODAY|2|true|false|false|URGENT|abduction_in_progress",
            "abduction|YESTERDAY|1|false|false|false|URGENT|abduction_in_progress",
            "abduction|NOW|1|false|false|false|URGENT|danger_ongoing abduction_in_progress",
            "abduction|RECENT|1|false|false|false|HIGH|recent_grave_violation",
            "abduction|UNKNOWN|-|false|false|false|HIGH|recent_grave_violation",
            "killing_maiming|YESTERDAY|1|false|true|false|URGENT|injured_child_needs_care",
            "attack_school_hospital|UNKNOWN|-|false|true|false|URGENT|injured_child_needs_care",
            "sexual_violence|YESTERDAY|1|false|false|false|URGENT|sexual_violence_within_72h",
            "sexual_violence|RECENT|1|false|false|false|URGENT|sexual_violence_within_72h",
            "sexual_violence|TODAY|1|false|true|false|URGENT|injured_child_needs_care sexual_violence_within_72h",
            "sexual_violence|UNKNOWN|1|false|false|false|HIGH|recent_grave_violation",
            "sexual_violence|PAST|1|false|false|false|NORMAL|old_report",
            "killing_maiming|YESTERDAY|3|true|false|false|URGENT|several_victims",
            "killing_maiming|UNKNOWN|-|true|false|false|URGENT|several_victims",
            "killing_maiming|UNKNOWN|1|false|false|false|HIGH|recent_grave_violation",
            "killing_maiming|PAST|4|true|true|false|NORMAL|old_report",
            "recruitment_use|UNKNOWN|3|true|false|false|HIGH|recent_grave_violation",
            "recruitment_use|RECENT|-|false|false|false|HIGH|recent_grave_violation",
            "denial_humanitarian_access|TODAY|-|false|false|false|HIGH|recent_grave_violation",
            "attack_school_hospital|PAST|-|false|false|false|NORMAL|old_report",
            "abduction|PAST|1|false|false|false|NORMAL|old_report",
            "other_child_protection|TODAY|1|false|true|false|NORMAL|other_protection",
            "other_child_protection|NOW|-|false|false|true|NORMAL|other_protection",
            "not_relevant|NOW|2|true|true|true|LOW|not_relevant",
            "not_relevant|UNKNOWN|-|false|false|false|LOW|not_relevant",
    })
    void assessesPriority(String category, TimeCue time, Integer children, boolean several, boolean medical,
                          boolean ongoing, Priority priority, String rules) {
        Extraction x = new Extraction(children, several, List.of(), Sex.UNKNOWN, Actor.UNKNOWN, time, false, false,
                medical, ongoing, List.of());
        PriorityResult result = RULES.assess(Category.fromId(category).orElseThrow(), x);
        assertThat(result.priority()).isEqualTo(priority);
        assertThat(result.reasons()).containsExactlyElementsOf(
                Arrays.stream(rules.split(" ")).map(r -> "rule:" + r).toList());
        assertThat(result.score()).isBetween(priority.minScore(), priority.maxScore());
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void scoreStaysInItsBandForTheStrongestAndWeakestFacts(Category category) {
        Extraction strongest = new Extraction(40, true, List.of(5), Sex.MIXED, Actor.ARMED_GROUP, TimeCue.NOW, true,
                true, true, true, List.of());
        for (Extraction x : List.of(strongest, Extraction.NONE)) {
            PriorityResult result = RULES.assess(category, x);
            assertThat(result.score()).isBetween(result.priority().minScore(), result.priority().maxScore());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the more severe or fresher lead of a pair scores higher within the same level
            "KILLING_MAIMING|TODAY|YESTERDAY",
            "ABDUCTION|YESTERDAY|RECENT",
            "RECRUITMENT_USE|TODAY|UNKNOWN",
    })
    void fresherScoresHigher(Category category, TimeCue fresher, TimeCue older) {
        assertThat(score(category, fresher)).isGreaterThan(score(category, older));
    }

    @ParameterizedTest(name = "{0} ids")
    @CsvSource(delimiter = '|', value = {"URGENT|urgent", "HIGH|high", "NORMAL|normal", "LOW|low"})
    void priorityIds(Priority priority, String id) {
        assertThat(priority.id()).isEqualTo(id);
    }

    private static int score(Category category, TimeCue time) {
        Extraction x = new Extraction(1, false, List.of(), Sex.UNKNOWN, Actor.UNKNOWN, time, false, false, false,
                false, List.of());
        return RULES.assess(category, x).score();
    }
}
