package org.kunnafoni.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A reserved send time and how late a send may leave after it without breaking the rate ceiling.
 *
 * <p>Why lateness is bounded by {@code slack} and not by a fixed few milliseconds: sends never leave before their
 * slots, so a late send can only crowd the window that starts at it, and that window holds one send too many only
 * when the send {@code ceiling} places later (at least {@code ceiling} slot intervals after this slot) falls inside
 * it. The limiter knows its spacing and hands out that slack (15 ms at any whole rate with slots 1.5 % wider than the
 * rate); {@link #CALL_JITTER} of it is kept for the provider call itself, whose duration varies after the check.
 *
 * @param at    the reserved send time
 * @param slack how late a send may arrive at the provider and still keep every 1 s window within the rate
 */
public record SendSlot(Instant at, Duration slack) {
    /** Part of the slack kept for the HTTP call that follows the check (connection, request, the provider's clock). */
    public static final Duration CALL_JITTER = Duration.ofMillis(5);

    public SendSlot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(slack, "slack");
    }

    /** Send, or give the slot up; {@code late} is how far past the slot the check ran. */
    public sealed interface Verdict {
        Duration late();

        record Send(Duration late) implements Verdict {
        }

        record GiveUp(Duration late) implements Verdict {
        }
    }

    /** How late the check itself may run: the slack less the provider call's own jitter. */
    public Duration tolerance() {
        Duration t = slack.minus(CALL_JITTER);
        return t.isNegative() ? Duration.ZERO : t;
    }

    public Verdict verdict(Instant now) {
        Duration late = now.isAfter(at) ? Duration.between(at, now) : Duration.ZERO;
        return late.compareTo(tolerance()) > 0 ? new Verdict.GiveUp(late) : new Verdict.Send(late);
    }

    /**
     * Parks the calling thread until the slot, for senders whose provider call blocks a thread of their own anyway:
     * the wait then ends on the thread that makes the call, with no hand-over between threads after the slot. The
     * wait is read from {@code clock} once and then kept on the monotonic clock, as a timer would (a pinned test
     * clock never moves).
     */
    public void awaitOn(InstantSource clock) {
        Duration wait = Duration.between(clock.instant(), at);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
