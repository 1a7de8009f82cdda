package org.kunnafoni.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code twilio.connect-timeout} and {@code twilio.request-timeout}: shipped defaults, overrides, refusals. */
class TwilioTimeoutConfigTest {
    private static final Path SHIPPED = Path.of("config/gateway.yaml");

    @ParameterizedTest(name = "connect {0}, request {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-     | -     | 5000 10000",
            "2s    | 30s   | 2000 30000",
            "500ms | 1m    | 500 60000",
            "50ms  | -     | twilio.connect-timeout: '50ms' is shorter than the minimum PT0.1S",
            "-     | ten   | twilio.request-timeout: 'ten' is not a duration",
            // a call may outlive neither connect attempt nor the answer's wait: 2 × 20 s + 90 s > the 2 min lease
            "20s   | 90s   | dispatch.lease: 120000ms must be longer than the longest Twilio call, 2 × twilio.connect-timeout + twilio.request-timeout = 130000ms",
    })
    void timeouts(String connect, String request, String expected) {
        Map<String, String> env = new HashMap<>(Map.of("KUNNAFONI_TWILIO_FROM", "KUNNAFONI"));
        if (connect != null) {
            env.put("KUNNAFONI_TWILIO_CONNECT_TIMEOUT", connect);
        }
        if (request != null) {
            env.put("KUNNAFONI_TWILIO_REQUEST_TIMEOUT", request);
        }
        if (expected.startsWith("twilio.") || expected.startsWith("dispatch.")) {
            assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, env)).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith(expected)));
            return;
        }
        GatewayConfig.Twilio twilio = ConfigLoader.load(SHIPPED, env).twilio();
        assertThat(twilio.connectTimeout().toMillis() + " " + twilio.requestTimeout().toMillis()).isEqualTo(expected);
    }
}
