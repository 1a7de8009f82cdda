package org.kunnafoni.app;

import org.kunnafoni.campaign.CampaignStore;
import org.kunnafoni.campaign.FanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A loop on its own thread that claims due campaign runs and fans them out. Every gateway instance runs one; the
 * claim keeps them off each other's runs, and a run whose instance died is taken over when its lease ends.
 */
public final class CampaignScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignScheduler.class);
    private static final int RUNS_PER_ROUND = 4;

    private final CampaignStore store;
    private final FanOut fanOut;
    private final InstantSource clock;
    private final Duration interval;
    private final Duration lease;
    private volatile boolean running;
    private Thread thread;

    public CampaignScheduler(CampaignStore store, FanOut fanOut, InstantSource clock, Duration interval,
                             Duration lease) {
        this.store = store;
        this.fanOut = fanOut;
        this.clock = clock;
        this.interval = interval;
        this.lease = lease;
    }

    /** Claims and fans out what is due now; answers how many runs it handled. */
    public int runOnce() {
        List<CampaignStore.Claimed> claimed = store.claimDue(clock.instant(), lease, RUNS_PER_ROUND)
                .toCompletableFuture().join();
        for (CampaignStore.Claimed run : claimed) {
            try {
                LOG.info("campaign run {} {}: {}", run.runId(), run.reclaimed() ? "taken over" : "claimed",
                        fanOut.run(run).id());
            } catch (RuntimeException e) {
                // the claim stays until its lease ends; then this or another instance resumes from the checkpoint
                LOG.warn("campaign run {} stopped, resumed after its lease: {}", run.runId(), e.toString());
            }
        }
        return claimed.size();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "kunnafoni-campaigns");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                handled = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("campaign scheduler round failed: {}", e.toString());
            }
            if (handled < RUNS_PER_ROUND) {
                pause();
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(30_000);
        }
    }
}
