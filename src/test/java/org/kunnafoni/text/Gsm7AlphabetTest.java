package org.kunnafoni.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm7AlphabetTest {
    @Test
    void tablesHaveTheirStandardSizes() {
        assertThat(Gsm7Alphabet.BASIC).hasSize(128);
        assertThat(Gsm7Alphabet.BASIC.indexOf('@')).isZero();
        assertThat(Gsm7Alphabet.BASIC.indexOf('à')).isEqualTo(0x7F);
        assertThat(Gsm7Alphabet.BASIC.indexOf('É')).isEqualTo(0x1F);
        assertThat(Gsm7Alphabet.EXTENSION).hasSize(10);
    }

    @ParameterizedTest
    @CsvSource({
            "0040, 1", "00A3, 1", "00E0, 1", "0394, 1", "00C7, 1", "000A, 1", "000D, 1",
            "20AC, 2", "007B, 2", "000C, 2", "005C, 2",
            "001B, 0", "00E7, 0", "0060, 0", "0009, 0", "00A0, 0", "025B, 0", "1F44D, 0", "-1, 0",
    })
    void septets(String hex, int expected) {
        int codePoint = hex.equals("-1") ? -1 : Integer.parseInt(hex, 16);
        assertThat(Gsm7Alphabet.septets(codePoint)).isEqualTo(expected);
    }
}
