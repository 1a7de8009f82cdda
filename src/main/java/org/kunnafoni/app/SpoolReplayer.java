package org.kunnafoni.app;

import org.kunnafoni.intake.IntakeService;
import org.kunnafoni.intake.Spool;
import org.kunnafoni.store.RedisConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Watches Redis while intake is degraded: once Redis answers, replays the spool in order, stores what arrived
 * meanwhile, and then lets intake write to Redis directly again. Runs on the single spool thread, so it never
 * races a spool write.
 */
final class SpoolReplayer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolReplayer.class);

    private final Spool spool;
    private final IntakeService intake;
    private final RedisConnector redis;
    private final Duration timeout;

    SpoolReplayer(Spool spool, IntakeService intake, RedisConnector redis, Duration timeout) {
        this.spool = spool;
        this.intake = intake;
        this.redis = redis;
        this.timeout = timeout;
    }

    @Override
    public void run() {
        try {
            if (spool.depth() == 0 && intake.storeAvailable()) {
                return;
            }
            if (!redis.ping().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            long before = spool.depth();
            spool.replaySegments(messages -> intake.replay(messages, timeout));
            if (before > 0) {
                LOG.info("replayed {} spooled message(s) into Redis", before);
            }
            intake.resumeDirect(timeout);
        } catch (Exception e) {
            LOG.warn("spool replay paused: Redis is still unavailable ({})", e.toString());
        }
    }
}
