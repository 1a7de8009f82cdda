package org.kunnafoni.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** radio.reminder-after, radio.missed-after and radio.reminder-interval: documented defaults, checked at start. */
class RadioConfigTest {
    private static final Path SHIPPED = Path.of("config/gateway.yaml");

    @Test
    void shippedDefaults() {
        GatewayConfig.Radio radio = ConfigLoader.load(SHIPPED, Map.of()).radio();
        assertThat(radio).isEqualTo(new GatewayConfig.Radio(Duration.ofHours(2), Duration.ofDays(2),
                Duration.ofMinutes(1)));
    }

    @Test
    void environmentOverrides() {
        GatewayConfig.Radio radio = ConfigLoader.load(SHIPPED, Map.of("KUNNAFONI_RADIO_REMINDER_AFTER", "30m",
                "KUNNAFONI_RADIO_MISSED_AFTER", "24h", "KUNNAFONI_RADIO_REMINDER_INTERVAL", "100ms")).radio();
        assertThat(radio).isEqualTo(new GatewayConfig.Radio(Duration.ofMinutes(30), Duration.ofHours(24),
                Duration.ofMillis(100)));
    }

    @ParameterizedTest(name = "after {0}, missed after {1}, every {2}")
    @CsvSource(delimiter = '|', value = {
            "2h  | 2h  | 1m    | radio.missed-after: must be longer than radio.reminder-after (PT2H)",
            "3d  | 2d  | 1m    | radio.missed-after: must be longer than radio.reminder-after (PT72H)",
            "30s | 2d  | 1m    | radio.reminder-after: '30s' is shorter than the minimum PT1M",
            "2h  | 2d  | 10ms  | radio.reminder-interval: '10ms' is shorter than the minimum PT0.1S",
            "2 hours | 2d | 1m | radio.reminder-after: '2 hours' is not a duration like 500ms, 10s, 5m, 48h or 2d",
    })
    void badValuesAreReported(String after, String missed, String interval, String error) {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("KUNNAFONI_RADIO_REMINDER_AFTER", after,
                "KUNNAFONI_RADIO_MISSED_AFTER", missed, "KUNNAFONI_RADIO_REMINDER_INTERVAL", interval)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors()).contains(error));
    }
}
