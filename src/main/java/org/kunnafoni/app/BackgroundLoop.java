package org.kunnafoni.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that runs rounds of work until closed. A round that reports no more work waiting, or that fails,
 * is followed by a pause; a failed round is logged and retried, so one bad round never stops the loop.
 */
final class BackgroundLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

    /** One round of work; answers whether more is waiting right now (then the next round starts at once). */
    @FunctionalInterface
    interface Round {
        boolean run();
    }

    private final String name;
    private final Round round;
    private final Duration pause;
    private volatile boolean running;
    private Thread thread;

    BackgroundLoop(String name, Duration pause, Round round) {
        this.name = name;
        this.pause = pause;
        this.round = round;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            boolean more;
            try {
                more = round.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: round failed, retrying after {}: {}", name, pause, e.toString());
                more = false;
            }
            if (!more) {
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops after the current round; waits at most {@code grace} for it. */
    void stop(Duration grace) throws InterruptedException {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
        }
        if (current != null) {
            current.interrupt();
            current.join(grace.toMillis());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
