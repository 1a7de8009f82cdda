package org.kunnafoni.lead;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextSimilarityTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Des hommes armés ont enlevé 3 enfants à Boni   | homme arme enleve 3 enfant boni
            The children were taken by armed men           | children taken armed men
            ÉCOLE brûlée, élèves en fuite !!               | ecole brulee eleve fuite
            cɛ marifalaw ye denmisɛnw minɛ                 | marifalaw denmisenw mine
            رجال مسلحون خطفوا أطفالا في القرية              | رجال مسلحون خطفوا أطفالا القرية
            """)
    void keepsFoldedContentWords(String text, String expected) {
        assertThat(String.join(" ", TextSimilarity.terms(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            enfants enlevés à Boni         | Boni : enfants enlevés !       | 1.0
            enfants enlevés à Boni         | enfants tués à Gao             | 0.2
            enfants enlevés                | ''                             | 0.0
            """)
    void jaccard(String a, String b, double expected) {
        assertThat(TextSimilarity.jaccard(TextSimilarity.terms(a), TextSimilarity.terms(b)))
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
    }
}
