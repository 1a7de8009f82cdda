package org.kunnafoni.channel.twilio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook's form decoding: what Twilio sends, edge cases of the encoding, and malformed escapes. */
class TwilioFormTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Body=hello|{Body=hello}",
            "Body=Des+hommes+arm%C3%A9s&From=%2B22376123456|{Body=Des hommes armés, From=+22376123456}",
            "A=1&A=2|{A=1}",
            "ToCity=&FromCity|{FromCity=, ToCity=}",
            "a=1&&b=2&|{a=1, b=2}",
            "body=x&Body=y|{Body=y, body=x}",
            "Body=a%3Db%26c|{Body=a=b&c}",
            "Body=%E2%B5%89%E2%B5%94 %F0%9F%99%8F|{Body=ⵉⵔ 🙏}",
            "%42ody=1|{Body=1}",
            "''|{}",
    })
    void decodesWhatWasSent(String body, String expected) {
        assertThat(TwilioForm.parse(body)).hasValueSatisfying(
                params -> assertThat(new TreeMap<>(params).toString()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "malformed: {0}")
    @ValueSource(strings = {"Body=%", "Body=%4", "Body=%zz", "%G1=x"})
    void refusesMalformedEscapes(String body) {
        assertThat(TwilioForm.parse(body)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anEmptyBodyIsAnEmptyForm() {
        assertThat(TwilioForm.parse("")).contains(Map.of());
    }
}
