package org.kunnafoni.triage.violation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArabicCliticsTest {
    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource(delimiter = '|', value = {
            "حصار|الحصار", "حصار|والحصار", "حصار|بحصار", "حصار|للحصار", "المسلحين|بالمسلحين",
            "المسلحين|للمسلحين", "منجم ذهب|والمنجم ذهب", "enfant|enfant",
    })
    void addsAttachedForms(String entry, String form) {
        assertThat(ArabicClitics.forms(entry)).contains(form);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"enfant", "denmisɛn", "child soldier"})
    void leavesOtherScriptsAlone(String entry) {
        assertThat(ArabicClitics.forms(entry)).containsExactly(entry);
    }
}
