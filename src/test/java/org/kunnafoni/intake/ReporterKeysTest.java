package org.kunnafoni.intake;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.audience.PhoneProtector;

import static org.assertj.core.api.Assertions.assertThat;

class ReporterKeysTest {
    private static final PhoneProtector PHONES = new PhoneProtector(new byte[32]);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+22376543210|+22376543210",
            "76543210|+22376543210",
            "0022376543210|+22376543210",
            "' +22376543210 '|+22376543210",
            "ORANGE|ORANGE",
    })
    void keysMatchWhatIsDerivedWithoutTheCache(String raw, String identity) {
        ReporterKeys reporters = new ReporterKeys(PHONES, "ML");
        ReporterKeys.Keys first = reporters.of(raw);
        assertThat(first.identity()).isEqualTo(identity);
        assertThat(first.pseudonym()).isEqualTo(PHONES.pseudonym(identity));
        assertThat(PHONES.decrypt(first.encryptedPhone())).isEqualTo(identity);
        assertThat(reporters.of(raw)).isEqualTo(first);
    }

    /** Different spellings of one number are cached apart but give one pseudonym. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"+22376543210|76543210", "+22376543210|0022376543210"})
    void spellingsShareThePseudonym(String raw, String other) {
        ReporterKeys reporters = new ReporterKeys(PHONES, "ML");
        assertThat(reporters.of(raw).pseudonym()).isEqualTo(reporters.of(other).pseudonym());
    }
}
