package org.kunnafoni.cli.langid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeldOutSnippetTest {
    private static final List<String> LINES = List.of(
            "Les hommes armés sont entrés dans le village",
            "Deux enfants blessés",
            "Anticonstitutionnellement");

    @ParameterizedTest(name = "line {0}, {1} chars → \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            0 | 20  | Les hommes armés
            0 | 40  | Les hommes armés sont entrés dans le
            0 | 80  | Les hommes armés sont entrés dans le village Deux enfants blessés
            1 | 20  | Deux enfants blessés
            1 | 40  | none
            2 | 20  | none
            2 | 140 | none
            """)
    void cutsAtWordBoundariesAndContinuesWithTheNextLines(int start, int length, String expected) {
        var snippet = HeldOutSnippet.cut(Language.FRA, length, LINES, start);
        if (expected == null) {
            assertThat(snippet).isEmpty();
        } else {
            assertThat(snippet).get().extracting(HeldOutSnippet::text).isEqualTo(expected);
            assertThat(expected.length()).isLessThanOrEqualTo(length);
        }
    }
}
