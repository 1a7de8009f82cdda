package org.kunnafoni.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriageConfigTest {
    private static final Path SHIPPED = Path.of("config/gateway.yaml");

    @Test
    void shippedDefaults() {
        GatewayConfig.Triage triage = ConfigLoader.load(SHIPPED, Map.of()).triage();
        assertThat(triage).isEqualTo(new GatewayConfig.Triage(1, Duration.ofHours(24), 0.4, Duration.ofSeconds(30), 5, 16, 0.1));
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource({
            "KUNNAFONI_TRIAGE_WORKERS, 0",
            "KUNNAFONI_TRIAGE_WORKERS, 4",
            "KUNNAFONI_TRIAGE_CLUSTER_WINDOW, 2d",
            "KUNNAFONI_TRIAGE_MIN_SIMILARITY, 0.75",
            "KUNNAFONI_TRIAGE_CLAIM_IDLE, 500ms",
            "KUNNAFONI_TRIAGE_MAX_DELIVERIES, 1",
            "KUNNAFONI_TRIAGE_BUSY_INTAKE_WAITING, 0",
            "KUNNAFONI_TRIAGE_BUSY_SHARE, 1",
            "KUNNAFONI_TRIAGE_BUSY_SHARE, 0.25",
    })
    void accepts(String variable, String value) {
        assertThat(ConfigLoader.load(SHIPPED, Map.of(variable, value)).triage()).isNotNull();
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "KUNNAFONI_TRIAGE_WORKERS, -1, triage.workers",
            "KUNNAFONI_TRIAGE_WORKERS, many, triage.workers",
            "KUNNAFONI_TRIAGE_CLUSTER_WINDOW, 30s, triage.cluster-window",
            "KUNNAFONI_TRIAGE_CLUSTER_WINDOW, a day, triage.cluster-window",
            "KUNNAFONI_TRIAGE_MIN_SIMILARITY, 0, triage.min-similarity",
            "KUNNAFONI_TRIAGE_MIN_SIMILARITY, 1.5, triage.min-similarity",
            "KUNNAFONI_TRIAGE_MIN_SIMILARITY, half, triage.min-similarity",
            "KUNNAFONI_TRIAGE_CLAIM_IDLE, 10ms, triage.claim-idle",
            "KUNNAFONI_TRIAGE_MAX_DELIVERIES, 0, triage.max-deliveries",
            "KUNNAFONI_TRIAGE_BUSY_INTAKE_WAITING, -1, triage.busy-intake-waiting",
            "KUNNAFONI_TRIAGE_BUSY_SHARE, 0, triage.busy-share",
            "KUNNAFONI_TRIAGE_BUSY_SHARE, 2, triage.busy-share",
    })
    void refuses(String variable, String value, String path) {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of(variable, value)))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(m -> assertThat(m).startsWith(path)));
    }
}
