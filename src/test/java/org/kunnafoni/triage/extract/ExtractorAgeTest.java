package org.kunnafoni.triage.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractorAgeTest {
    private static final Extractor EXTRACTOR = Extractor.loadDefault();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | ages (space separated, empty for none)
            "une fille de 14 ans a été violée|14",
            "le garçon a 9 ans|9",
            "enfant 12ans blessé|12",
            "âgée de 13 ans|13",
            "deux filles de 12 et 14 ans|12 14",
            "quatre filles de 12, 13 et 15 ans|12 13 15",
            "children aged 8, 9 and 11|8 9 11",
            "des enfants de 10 à 15 ans|10 15",
            "un garçon de douze ans|12",
            "il y a 2 ans les enfants|''",
            "ils sont là depuis 3 ans|''",
            "un homme de 35 ans|''",
            "a girl aged 9 was taken|9",
            "a 10-year-old boy|10",
            "two boys, 12 and 14 years old|12 14",
            "it happened 2 years ago|''",
            "she is 16 yo|16",
            "a si ye san 12 ye|12",
            "a si ye san tan ni saba ye|13",
            "طفل عمره 8 سنوات|8",
            "فتاة 15 سنة|15",
    })
    void readsAges(String text, String ages) {
        List<Integer> expected = ages.isBlank() ? List.of()
                : Arrays.stream(ages.split(" ")).map(Integer::valueOf).toList();
        Extraction x = EXTRACTOR.extract(text);
        assertThat(x.ages()).as("%s", x.reasons()).isEqualTo(expected);
    }
}
