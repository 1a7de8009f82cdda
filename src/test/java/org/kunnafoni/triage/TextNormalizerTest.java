package org.kunnafoni.triage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ARRÊT|arret",
            "Désabonner|desabonner",
            "Mɔgɔ ɲɛnɛmaw|mogo nyenemaw",
            "  École   fermée |ecole fermee",
            "l’enfant|l'enfant",
            "Tin‑Essako|tin-essako",
            "سلام|سلام",
    })
    void folds(String input, String expected) {
        assertThat(TextNormalizer.fold(input)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void tokensSplitOnPunctuation() {
        assertThat(TextNormalizer.tokens("l'enfant, 12 ans-gao")).isEqualTo(List.of("l", "enfant", "12", "ans", "gao"));
    }
}
