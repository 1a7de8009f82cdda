package org.kunnafoni.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code redis.wait-replicas} and {@code redis.wait-timeout}: shipped defaults, overrides, refusals. */
class ReplicaWaitConfigTest {
    private static final Path SHIPPED = Path.of("config/gateway.yaml");
    private static final String SENTINEL = "redis-sentinel://127.0.0.1:26379/0#kunnafoni";

    @ParameterizedTest(name = "uri {0}, replicas {1}, timeout {2}, command timeout {3} → {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                          | -   | -     | -     | 0 1000",
            "-                          | 0   | 5s    | -     | 0 5000",
            "redis://10.0.0.5:6379      | 1   | -     | -     | 1 1000",
            SENTINEL + "                | 2   | 300ms | 1s    | 2 300",
            "-                          | 1   | -     | -     | redis.wait-replicas: the embedded Redis has no replicas",
            "redis-cluster://h1:7000,h2:7001 | 1 | -  | -     | redis.wait-replicas: not supported with a Redis Cluster",
            SENTINEL + "                | 1   | 2s    | 2s    | redis.wait-replicas: redis.wait-timeout (2000ms) must be shorter",
            SENTINEL + "                | -1  | -     | -     | redis.wait-replicas: -1 is outside 0–16",
            SENTINEL + "                | one | -     | -     | redis.wait-replicas: 'one' is not a whole number",
            SENTINEL + "                | 1   | 0ms   | -     | redis.wait-timeout: '0ms' is shorter than the minimum",
    })
    void waitOptions(String uri, String replicas, String timeout, String commandTimeout, String expected) {
        Map<String, String> env = new HashMap<>();
        put(env, "KUNNAFONI_REDIS_URI", uri);
        put(env, "KUNNAFONI_REDIS_WAIT_REPLICAS", replicas);
        put(env, "KUNNAFONI_REDIS_WAIT_TIMEOUT", timeout);
        put(env, "KUNNAFONI_REDIS_COMMAND_TIMEOUT", commandTimeout);
        if (expected.startsWith("redis.")) {
            assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, env)).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.errors()).anySatisfy(error -> assertThat(error).startsWith(expected)));
            return;
        }
        GatewayConfig.Redis redis = ConfigLoader.load(SHIPPED, env).redis();
        assertThat(redis.waitReplicas() + " " + redis.waitTimeout().toMillis()).isEqualTo(expected);
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value.trim());
        }
    }
}
