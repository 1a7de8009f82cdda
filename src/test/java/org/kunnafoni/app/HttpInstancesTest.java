package org.kunnafoni.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpInstancesTest {
    @ParameterizedTest(name = "http.instances {0}, embedded Redis {1}, {2} cores → {3} event loops")
    @CsvSource({
            "0, true, 2, 1",    // the embedded Redis keeps a core of its own
            "0, true, 8, 7",
            "0, true, 1, 1",    // never none
            "0, false, 2, 2",   // Redis elsewhere: one per core
            "0, false, 1, 1",
            "3, true, 2, 3",    // set explicitly: taken as it is
            "4, false, 16, 4",
    })
    void resolve(int configured, boolean embeddedRedis, int cores, int expected) {
        assertThat(HttpInstances.resolve(configured, embeddedRedis, cores)).isEqualTo(expected);
    }
}
