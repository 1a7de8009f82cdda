package org.kunnafoni.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** review.on-call: E.164 numbers from the environment only, never echoed in errors or toString. */
class OnCallConfigTest {
    private static final Path SHIPPED = Path.of("config/gateway.yaml");

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            "''                                  | ''",
            "+22376000901                        | +22376000901",
            "' +22376000901 , +22366000902 '     | +22376000901 +22366000902",
            "+22376000901,+22376000901           | +22376000901",
            "+22376000901,,+33612345678          | +22376000901 +33612345678"})
    void validListsAreReadInOrderWithoutDuplicates(String env, String expected) {
        GatewayConfig config = ConfigLoader.load(SHIPPED, Map.of("KUNNAFONI_REVIEW_ON_CALL", env));
        List<String> numbers = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(config.review().onCall()).containsExactlyElementsOf(numbers);
        numbers.forEach(n -> assertThat(config.toString()).doesNotContain(n));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
            "22376000901             | 1",
            "+22376000901,0033612345 | 2",
            "+223 76 00 09 01        | 1",
            "+0123456789             | 1",
            "+2237600090112345678    | 1"})
    void invalidEntriesAreReportedByPositionOnly(String env, int position) {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("KUNNAFONI_REVIEW_ON_CALL", env)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                        "KUNNAFONI_REVIEW_ON_CALL: entry " + position + " is not an E.164 number (+ and 8 to 15 digits)"));
    }

    @Test
    void numbersWrittenInTheFileAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, Files.readString(SHIPPED).replace("review:\n", "review:\n  on-call: \"+22376000901\"\n"));
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).containsExactly(
                        "review.on-call: secrets are read from the environment only; remove it from " + file
                                + " and set KUNNAFONI_REVIEW_ON_CALL"));
    }
}
