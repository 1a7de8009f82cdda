package org.kunnafoni.channel.relay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class RelayResultsTest {
    @ParameterizedTest(name = "sent {0}, delivered {1} ''{2}'' → {3}")
    @CsvSource(nullValues = "none", value = {
            // sent, delivered, delivered message, state, reason
            "none, none, '',                       none,        none",
            "0,    0,    '',                       none,        none",
            "0,    -1,   delivered,                none,        none",
            "-1,   none, '',                       sent,        none",
            "-1,   0,    '',                       sent,        none",
            "-1,   0,    SMS not delivered,        undelivered, relay phone: not delivered",
            "-1,   -1,   SMS delivered,            delivered,   none",
            "-1,   7,    '',                       sent,        none",
            "1,    none, '',                       failed,      relay phone: generic failure",
            "2,    none, '',                       failed,      relay phone: radio off",
            "3,    none, '',                       failed,      relay phone: null PDU",
            "4,    0,    '',                       failed,      relay phone: no service",
            "5,    none, '',                       failed,      relay phone: sending limit exceeded",
            "42,   -1,   '',                       failed,      relay phone: send error 42",
    })
    void readsAndroidResultCodes(Integer sent, Integer delivered, String deliveredMessage, String state, String reason) {
        Optional<RelayResults.Outcome> outcome = RelayResults.read(optional(sent), optional(delivered),
                deliveredMessage);
        assertThat(outcome.map(o -> o.state().id())).isEqualTo(Optional.ofNullable(state));
        assertThat(outcome.flatMap(RelayResults.Outcome::reason)).isEqualTo(Optional.ofNullable(reason));
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
