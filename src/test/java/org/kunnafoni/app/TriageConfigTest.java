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
        assertThat(triage).isEqualTo(new GatewayConfig.Triage(1, Duration.ofHours(24), 0.4, Duration.ofSeconds(30), 5));
    }

    @ParameterizedTest(name = "{0}={1} is accepted")
    @CsvSource({
            "KUNNAFONI_TRIAGE_WORKERS, 0",
            "KUNNAFONI_TRIAGE_WORKERS, 4",
            "KUNNAFONI_TRIAGE_CLUSTER_WINDOW, 2d",
            "KUNNAFONI_TRIAGE_MIN_SIMILARITY, 0.75",
            "KUNNAFONI_TRIAGE_CLAIM_IDLE, 500ms",
            "KUNNAFONI_TRIAGE_MAX_DELIVERIES, 1",
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
    })
    void refuses(String variable, String value, String path) {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, Map.of(variable, value)))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(m -> assertThat(m).startsWith(path)));
    }
}
