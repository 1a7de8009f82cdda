package org.kunnafoni.channel.relay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which phone sends to a recipient, and which phone a task request comes from. */
class RelayRoutingTest {
    private static final RelayDevices DEVICES = new RelayDevices(Map.of(
            "phone-gao-1", "secret-gao-000001",
            "phone-mopti-1", "secret-mopti-0001",
            "phone-a", "shared-secret-0001",
            "phone-b", "shared-secret-0001"));

    @ParameterizedTest(name = "region {0}, default {1} → {2}")
    @CsvSource(nullValues = "none", value = {
            "gao,   none,        phone-gao-1",
            "mopti, none,        phone-mopti-1",
            "kayes, none,        none",
            "kayes, phone-gao-1, phone-gao-1",
            "none,  phone-gao-1, phone-gao-1",
            "none,  none,        none",
            "mopti, phone-gao-1, phone-mopti-1",
    })
    void routesByRegionThenDefault(String region, String defaultDevice, String expected) {
        RelayRouting routing = new RelayRouting(Map.of("gao", "phone-gao-1", "mopti", "phone-mopti-1"),
                Optional.ofNullable(defaultDevice));
        assertThat(routing.deviceFor(Optional.ofNullable(region))).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "device {0}, secret {1} → {2}")
    @CsvSource(nullValues = "none", value = {
            "phone-gao-1,   secret-gao-000001, phone-gao-1",
            "phone-gao-1,   secret-mopti-0001, none",
            "phone-gao-1,   none,              none",
            "unknown,       secret-gao-000001, none",
            "none,          secret-mopti-0001, phone-mopti-1",
            "none,          wrong-secret-0001, none",
            "none,          shared-secret-0001, none",
            "phone-a,       shared-secret-0001, phone-a",
    })
    void identifiesTheDeviceOfATaskRequest(String device, String secret, String expected) {
        assertThat(DEVICES.identify(Optional.ofNullable(device), secret)).isEqualTo(Optional.ofNullable(expected));
    }
}
