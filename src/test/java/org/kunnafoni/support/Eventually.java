package org.kunnafoni.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: waiting for a background worker without fixed sleeps. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("condition not met within " + deadline + "; last value: " + value);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            value = probe.get();
        }
        return value;
    }
}
