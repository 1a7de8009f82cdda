package org.kunnafoni.lead;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMaskTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "appelez-moi au 76 12 34 56|appelez-moi au [numéro masqué]",
            "mon numero 76123456 merci|mon numero [numéro masqué] merci",
            "+223 76 12 34 56 svp|[numéro masqué] svp",
            "+22376123456|[numéro masqué]",
            "00223-76-12-34-56|[numéro masqué]",
            "76.12.34.56|[numéro masqué]",
            "call +33 6 12 34 56 78 now|call [numéro masqué] now",
            "le 12-11-2025 à 14h|le 12-11-2025 à 14h",
            "le 12/11/2025|le 12/11/2025",
            "3 enfants enlevés à 15h30|3 enfants enlevés à 15h30",
            "il y a 2000 personnes|il y a 2000 personnes",
            "code 1234567|code 1234567",
    })
    void masksNumbersNotDatesOrCounts(String text, String expected) {
        assertThat(PhoneMask.mask(text)).isEqualTo(expected);
    }
}
