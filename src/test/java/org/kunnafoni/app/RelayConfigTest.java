package org.kunnafoni.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay section of config/gateway.yaml: routing by region, outbox settings, and their validation. */
class RelayConfigTest {
    private static final Path SHIPPED = Path.of("config/gateway.yaml");
    private static final String SECRETS = "phone-gao-1=secret-gao-000001,phone-mopti-1=secret-mopti-0001";

    @Test
    void shippedDefaultsLeaveTheRelayChannelOff() {
        GatewayConfig config = ConfigLoader.load(SHIPPED, Map.of());
        assertThat(config.relay().routing().configured()).isFalse();
        assertThat(config.relay().settings().batch()).isEqualTo(5);
        assertThat(config.relay().settings().lease()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.dispatch().channels()).doesNotContain("relay");
    }

    @Test
    void routesFromTheEnvironment() {
        GatewayConfig config = ConfigLoader.load(SHIPPED, Map.of(
                "KUNNAFONI_RELAY_SECRETS", SECRETS,
                "KUNNAFONI_RELAY_DEVICE_FOR_REGION", "mopti=phone-mopti-1, gao=phone-gao-1",
                "KUNNAFONI_RELAY_DEFAULT_DEVICE", "phone-gao-1",
                "KUNNAFONI_RELAY_BATCH", "12"));
        assertThat(config.relay().routing().deviceFor(Optional.of("mopti"))).contains("phone-mopti-1");
        assertThat(config.relay().routing().deviceFor(Optional.of("kayes"))).contains("phone-gao-1");
        assertThat(config.relay().settings().batch()).isEqualTo(12);
        assertThat(config.dispatch().channels()).contains("relay");
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "KUNNAFONI_RELAY_DEFAULT_DEVICE    | phone-kayes-1            | relay.default-device: device 'phone-kayes-1' has no secret",
            "KUNNAFONI_RELAY_DEFAULT_DEVICE    | phone gao                | relay.default-device: 'phone gao' is not a device id",
            "KUNNAFONI_RELAY_DEVICE_FOR_REGION | tombouctu=phone-gao-1    | relay.device-for-region: 'tombouctu' is not a region slug",
            "KUNNAFONI_RELAY_DEVICE_FOR_REGION | gao=phone-gao-2          | relay.device-for-region.gao: device 'phone-gao-2' has no secret",
            "KUNNAFONI_RELAY_BATCH             | 0                        | relay.batch: 0 is outside",
            "KUNNAFONI_RELAY_LEASE             | 1s                       | relay.lease: '1s' is shorter",
            "KUNNAFONI_RELAY_MAX_HANDOUTS      | many                     | relay.max-handouts: 'many' is not a whole number",
    })
    void refusesWhatCannotWork(String variable, String value, String error) {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of("KUNNAFONI_RELAY_SECRETS", SECRETS, variable, value)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> assertThat(m).startsWith(error)));
    }
}
