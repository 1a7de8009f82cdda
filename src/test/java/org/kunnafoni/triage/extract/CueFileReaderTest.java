package org.kunnafoni.triage.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CueFileReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "weapon: [fusil]|unknown section weapon",
            "actors: {rebels: [x]}|unknown key actors.rebels",
            "time: {tomorrow: [demain]}|unknown key time.tomorrow",
            "negators: [no, pas]|quote it",
            "numbers: {deux: two}|number expected",
            "number_position: middle|number_position",
            "medical: blesse|must be a list",
    })
    void rejectsMistakes(String yaml, String message) {
        assertThatThrownBy(() -> Extractor.parse(Map.of(Language.FRA, stream(yaml))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void readsAnyLexiconGivenAsStreams() {
        String yaml = """
                number_position: after
                numbers: {dos: 2}
                children: {any: [nino*]}
                time: {today: [hoy]}
                explosives: [mina]
                """;
        Extractor extractor = Extractor.parse(Map.of(Language.UND, stream(yaml)));
        Extraction x = extractor.extract("Niños dos, mina, hoy");
        assertThat(x.children()).isEqualTo(2);
        assertThat(x.time()).isEqualTo(TimeCue.TODAY);
        assertThat(x.explosives()).isTrue();
    }

    @Test
    void anEmptyFileAddsNothing() {
        Extractor extractor = Extractor.parse(Map.of(Language.TAQ, stream("# nothing yet\n")));
        assertThat(extractor.extract("3 enfants blessés hier")).isEqualTo(
                new Extraction(null, false, java.util.List.of(), Sex.UNKNOWN, Actor.UNKNOWN, TimeCue.UNKNOWN,
                        false, false, false, false, java.util.List.of()));
    }

    @Test
    void everyShippedLanguageFileLoads() {
        for (Language language : Language.values()) {
            if (language == Language.UND) {
                continue;
            }
            assertThat(Extractor.class.getResource("/config/triage/cues/" + language.code() + ".yaml"))
                    .as(language.code()).isNotNull();
        }
        assertThat(Extractor.loadDefault().extract("hier").time()).isEqualTo(TimeCue.YESTERDAY);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
