package org.kunnafoni.store.cluster;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.store.RedisAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forms {@code redis.uri} accepts, and the operator's message for the ones it refuses. */
class RedisAddressTest {
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "redis://127.0.0.1:6379                               | STANDALONE | 127.0.0.1:6379",
            "rediss://user:secret@cache.example.org:6380/2         | STANDALONE | cache.example.org:6380",
            "redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/0#main | SENTINEL   | 10.0.0.1:26379 10.0.0.2:26379",
            "redis-cluster://10.0.0.1:7000,10.0.0.2:7001           | CLUSTER    | 10.0.0.1:7000 10.0.0.2:7001",
            "redis-cluster://:secret@10.0.0.1:7000                 | CLUSTER    | 10.0.0.1:7000",
            "rediss-cluster://10.0.0.1:7000,10.0.0.2               | CLUSTER    | 10.0.0.1:7000 10.0.0.2:6379",
            "redis://10.0.0.1:7000,10.0.0.2:7001?cluster=true      | CLUSTER    | 10.0.0.1:7000 10.0.0.2:7001",
            "redis://10.0.0.1:7000?timeout=5s&cluster=true         | CLUSTER    | 10.0.0.1:7000",
    })
    void accepted(String uri, RedisAddress.Mode mode, String hosts) {
        RedisAddress address = RedisAddress.parse(uri);
        assertThat(address.mode()).isEqualTo(mode);
        String seen = String.join(" ", address.seeds().stream().map(s -> s.getSentinels().isEmpty()
                ? s.getHost() + ":" + s.getPort()
                : String.join(" ", s.getSentinels().stream().map(x -> x.getHost() + ":" + x.getPort()).toList()))
                .toList());
        assertThat(seen).isEqualTo(hosts);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:6379                      | must start with redis://",
            "redis-sentinel://10.0.0.1:26379            | names no master",
            "redis-cluster://10.0.0.1:7000,,10.0.0.2    | empty seed node",
            "redis-cluster://10.0.0.1:7000/3            | a Redis Cluster has only database 0",
            "redis-cluster://:hunter2@10.0.0.1:notaport | is not a Redis URI",
            "redis://                                   | is not a Redis URI",
            "redis://:hun%zzter2@10.0.0.1:6379          | is not a Redis URI",
            "redis://:hunter2/x%@10.0.0.1:6379          | is not a Redis URI",
    })
    void refusedWithTheProblemAndNoPassword(String uri, String problem) {
        assertThatThrownBy(() -> RedisAddress.parse(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem).hasMessageNotContaining("hunter2").hasMessageNotContaining("hun%zz");
        assertThat(RedisAddress.problem(uri)).contains(problem);
    }
}
