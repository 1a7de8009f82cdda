package org.kunnafoni.dispatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** When a send may still use its reserved slot: the rules on a pinned clock. */
class SendSlotTest {
    private static final Instant SLOT = Instant.parse("2025-03-10T12:00:00Z");

    /** slack = how late an arrival may be (from the limiter); 5 ms of it is kept for the provider call. */
    @ParameterizedTest(name = "slack {0} ms, checked {1} ms after the slot → {2}")
    @CsvSource({
            "15, -30, send",     // early (the clock read before the slot): waits, never sends early
            "15,   0, send",
            "15,   6, send",     // a fixed 5 ms rule gave this one up, though the ceiling still holds
            "15,  10, send",
            "15,  11, give_up",  // 11 + 5 ms for the call > 15: the send 10 places later could share its window
            "15, 200, give_up",
            "83,  60, send",     // 7.5/s: slots 135 ms apart, 8 per second either way, more slack
            "2,    0, send",     // less slack than the call's jitter: only a send on time goes
            "2,    1, give_up",
            "0,    0, send",
    })
    void verdict(long slackMillis, long checkedMillis, String expected) {
        SendSlot slot = new SendSlot(SLOT, Duration.ofMillis(slackMillis));
        SendSlot.Verdict verdict = slot.verdict(SLOT.plusMillis(checkedMillis));
        assertThat(verdict instanceof SendSlot.Verdict.Send ? "send" : "give_up").isEqualTo(expected);
        assertThat(verdict.late()).isEqualTo(Duration.ofMillis(Math.max(0, checkedMillis)));
    }

    @Test
    void awaitParksForWhatTheClockSaysIsLeft() {
        long start = System.nanoTime();
        new SendSlot(SLOT, Duration.ofMillis(15)).awaitOn(InstantSource.fixed(SLOT.minusMillis(30)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void aSlotInThePastIsNotWaitedFor() {
        AtomicInteger reads = new AtomicInteger();
        new SendSlot(SLOT, Duration.ZERO).awaitOn(() -> {
            reads.incrementAndGet();
            return SLOT.plusSeconds(1);
        });
        assertThat(reads.get()).isEqualTo(1);
    }
}
