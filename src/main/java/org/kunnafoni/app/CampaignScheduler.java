package org.kunnafoni.app;

import org.kunnafoni.campaign.CampaignStore;
import org.kunnafoni.campaign.FanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

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
    private final Duration lease;
    // a full round means more runs may be due: go again at once, otherwise wait one interval
    private final BackgroundLoop loop;

    public CampaignScheduler(CampaignStore store, FanOut fanOut, InstantSource clock, Duration interval,
                             Duration lease) {
        this.store = store;
        this.fanOut = fanOut;
        this.clock = clock;
        this.loop = new BackgroundLoop("kunnafoni-campaigns", interval, () -> runOnce() >= RUNS_PER_ROUND);
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

    public void start() {
        loop.start();
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
    }
}
