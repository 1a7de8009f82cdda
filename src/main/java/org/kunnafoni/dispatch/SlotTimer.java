package org.kunnafoni.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Completes at a reserved send time. Tests pin it to their clock; production waits on one timer thread. */
@FunctionalInterface
public interface SlotTimer {
    CompletionStage<Void> at(Instant when);

    /**
     * A single daemon timer thread, for senders that do not block (relay outboxes): the send that follows runs on
     * it. Senders that block wait on their own thread instead ({@link SlotWaitingSender}).
     */
    static SlotTimer system(InstantSource clock) {
        return when -> {
            Duration wait = Duration.between(clock.instant(), when);
            if (wait.isNegative() || wait.isZero()) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> due = new CompletableFuture<>();
            Timer.THREAD.schedule(() -> due.complete(null), wait.toNanos(), TimeUnit.NANOSECONDS);
            return due;
        };
    }

    /** Holder, so the thread starts only when a system timer is first used. */
    final class Timer {
        private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kunnafoni-send-slots");
            t.setDaemon(true);
            return t;
        });

        private Timer() {
        }
    }
}
