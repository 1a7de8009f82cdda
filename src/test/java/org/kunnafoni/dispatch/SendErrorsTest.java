package org.kunnafoni.dispatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SendErrorsTest {
    @ParameterizedTest(name = "http {0} code {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "400, 21610, OptedOut",
            "400, 21211, Permanent",
            "400, 21614, Permanent",
            "400, 21408, Permanent",
            "400, 30006, Permanent",
            "400, 30007, Permanent",
            "-,   30007, Permanent",
            "-,   30003, Retry",
            "-,   30008, Retry",
            "429, 20429, Retry",
            "429, -,     Retry",
            "-,   20429, Retry",
            "500, -,     Retry",
            "502, -,     Retry",
            "503, 20500, Retry",
            "-,   -,     Retry",
            "400, 21602, Permanent",
            "404, 20404, Permanent",
            "400, -,     Permanent",
    })
    void closedTable(Integer status, Integer code, String expected) {
        SendError error = SendErrors.classify(status, code);
        assertThat(error.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(error.reason()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"400, 21211, http 400 error 21211", "-, -, connection error: no answer"})
    void reasonsNameTheCode(Integer status, Integer code, String prefix) {
        assertThat(SendErrors.classify(status, code).reason()).startsWith(prefix);
    }
}
