package org.kunnafoni.radio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingTimeTest {
    private final ReadingTime rates = new ReadingTime(Map.of(Language.FRA, 120), 60);

    @ParameterizedTest(name = "{1} words in {0} → {2}s")
    @CsvSource({
            "fra, 120, 60",
            "fra, 1, 1",
            "bam, 120, 120",
            "fra, 0, 0",
    })
    void readingTimeFollowsTheLanguageRate(String code, int words, long seconds) {
        String text = "mot ".repeat(words);
        assertThat(rates.of(text, Language.fromCode(code).orElseThrow()).toSeconds()).isEqualTo(seconds);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'## opening\nBonjour.\n## key messages\nUn.\n## call to action\nSMS.\n## closing\nMerci.' | '' | 4",
            "'## opening\nBonjour.\n## closing\nMerci.' | key messages,call to action | 2",
    })
    void sectionsAreFoundAndOnlyTheirTextIsSpoken(String text, String missing, int spokenWords) {
        ScriptSections sections = ScriptSections.parse(text.replace("\\n", "\n"));
        assertThat(String.join(",", sections.missing())).isEqualTo(missing);
        assertThat(rates.of(sections.spoken(), Language.BAM).toSeconds()).isEqualTo(spokenWords);
    }
}
