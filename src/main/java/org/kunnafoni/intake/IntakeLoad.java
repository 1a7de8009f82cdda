package org.kunnafoni.intake;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many received messages intake holds that are not durable yet: each is a webhook (or relay request) still
 * waiting for its answer. A sustained count in the tens means intake is saturated, and work that can wait (triage
 * reads the stream at its own pace) should give it the CPU and Redis.
 */
public final class IntakeLoad {
    private final AtomicInteger waiting = new AtomicInteger();

    void begin() {
        waiting.incrementAndGet();
    }

    void end() {
        waiting.decrementAndGet();
    }

    /** Messages received and not yet stored, spooled or refused. */
    public int waiting() {
        return waiting.get();
    }
}
