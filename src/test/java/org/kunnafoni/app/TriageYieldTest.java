package org.kunnafoni.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriageYieldTest {
    private static final TriageYield SHIPPED = new TriageYield(16, 0.1);

    @ParameterizedTest(name = "{0} waiting, a batch of {1} ms -> read {2}, rest {3} ms")
    @CsvSource({
            // not busy: full batches, no rest
            "0,   40,   500, 0",
            "15,  40,   500, 0",
            // busy: small batches, and the worker runs a tenth of the time
            "16,  40,   50,  360",
            "64,  10,   50,  90",
            // a rest never exceeds a second
            "64,  200,  50,  1000",
    })
    void shippedPolicy(int waiting, long batchMillis, int read, long restMillis) {
        assertThat(SHIPPED.batch(waiting, 500)).isEqualTo(read);
        assertThat(SHIPPED.rest(Duration.ofMillis(batchMillis), waiting)).isEqualTo(Duration.ofMillis(restMillis));
    }

    @Test
    void aQuarterShareRestsThreeTimesWhatItWorked() {
        assertThat(new TriageYield(8, 0.25).rest(Duration.ofMillis(20), 8)).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void neverYieldsWhenOffOrAtAFullShare() {
        for (TriageYield off : new TriageYield[]{TriageYield.NEVER, new TriageYield(0, 0.1), new TriageYield(16, 1.0)}) {
            assertThat(off.busy(1_000)).isFalse();
            assertThat(off.batch(1_000, 500)).isEqualTo(500);
            assertThat(off.rest(Duration.ofMillis(40), 1_000)).isZero();
        }
    }

    @Test
    void smallerNormalBatchesAreKept() {
        assertThat(SHIPPED.batch(100, 20)).isEqualTo(20);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new TriageYield(-1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TriageYield(16, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TriageYield(16, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
