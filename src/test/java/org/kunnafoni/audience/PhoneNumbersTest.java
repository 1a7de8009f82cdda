package org.kunnafoni.audience;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "+22376123456, +22376123456",
            "76123456, +22376123456",
            "0022376123456, +22376123456",
            "+223 76 12 34 56, +22376123456",
            "+2237612345, ''",        // one digit short: not a possible Malian number
            "+221771234567, +221771234567",
            "whatsapp-bot, ''",
            "KUNNAFONI, ''",
    })
    void bringsTheFormsNumbersArriveInToE164(String raw, String expected) {
        assertThat(PhoneNumbers.toE164(raw, "ML")).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }

    @Test
    void theFastPathForMalianE164AgreesWithTheParser() {
        Random random = new Random(223);
        for (int i = 0; i < 5_000; i++) {
            String number = "+223" + String.format("%08d", random.nextInt(100_000_000));
            assertThat(PhoneNumbers.toE164(number, "ML")).as(number).isEqualTo(PhoneNumbers.parsed(number, "ML"));
        }
    }
}
