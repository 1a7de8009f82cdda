package org.kunnafoni.triage.place;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Attaque à Ténenkou|attaque a tenenkou",
            "Tin‑Essako, N'Tillit|tin essako n tillit",
            "Ɲɛnɛ dugu|nyene dugu",
            "Te\u0301ne\u0301nkou|tenenkou",
    })
    void foldsWordByWord(String text, String words) {
        assertThat(FoldedText.of(text).tokens()).extracting(Token::folded).containsExactlyElementsOf(Arrays.asList(words.split(" ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Attaque à Boni|2|false", "Boni attaquée|0|true", "Hier. Boni attaquée|1|true",
            "Hier<nl>Boni attaquée|1|true", "(Boni)|0|true"})
    void knowsWhereSentencesStart(String text, int word, boolean initial) {
        assertThat(FoldedText.of(text.replace("<nl>", "\n")).sentenceInitial(word)).isEqualTo(initial);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Ɲɛ: Ménaka|Ménaka", "Te\u0301ne\u0301nkou hier|Te\u0301ne\u0301nkou"})
    void keepsOffsetsInTheOriginal(String text, String lastWordOrFirst) {
        FoldedText folded = FoldedText.of(text);
        assertThat(folded.tokens()).extracting(Token::original).contains(lastWordOrFirst);
    }
}
