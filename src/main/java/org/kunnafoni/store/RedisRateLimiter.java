package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.dispatch.RateLimiter;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A per-sender rate limit shared by every gateway instance: GCRA in one Lua script on Redis's clock, cost =
 * segments. Each caller reserves the sender's next free slot and is told how long to wait for it.
 *
 * <p>The slots are spaced {@link #MARGIN} wider than the configured rate: the provider sees a send some
 * milliseconds after its slot (claim already done, then the HTTP call), and that delay varies; with exact spacing a
 * send that is late by a few ms after one that was early puts rate + 1 arrivals in some 1 s window. The margin
 * gives 10 slots 15 ms of slack per second at any rate, and costs 1.5 % of the configured throughput.
 */
public final class RedisRateLimiter implements RateLimiter {
    /** Slots are this much farther apart than the configured rate asks. */
    public static final double MARGIN = 0.015;
    /** A slot farther ahead than this is not reserved: the dispatch goes back to the delayed set instead. */
    static final Duration HORIZON = Duration.ofSeconds(30);
    /**
     * A slot is at least this far ahead, so the worker claims its dispatch before the slot rather than after it
     * (a dispatch that reaches its slot late gives it up, see DispatchPipeline). Only an idle sender's first
     * message waits for it; a backlog's slots are farther ahead anyway.
     */
    static final Duration LEAD = Duration.ofMillis(20);
    private static final RedisScript GCRA = RedisScript.load("ratelimit_gcra.lua");

    private final RedisConnector redis;
    private final String millisPerSegment;
    private final String burstMillis;
    private final Optional<PinnedNow> pinned;
    private final String leadMillis;
    private final Duration slack;

    /** @param burstSegments segments that may go out back to back before the rate applies */
    public RedisRateLimiter(RedisConnector redis, double segmentsPerSecond, int burstSegments) {
        this(redis, segmentsPerSecond, burstSegments, Optional.empty(), LEAD);
    }

    /** With {@code pinned}, the script uses that time instead of the server's (tests of the slot table). */
    RedisRateLimiter(RedisConnector redis, double segmentsPerSecond, int burstSegments, Optional<PinnedNow> pinned,
                     Duration lead) {
        if (segmentsPerSecond <= 0 || burstSegments < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        // whole microseconds, so slot times add up exactly in the script
        double interval = Math.round(1_000_000.0 / segmentsPerSecond * (1 + MARGIN)) / 1000.0;
        this.redis = redis;
        this.millisPerSegment = Double.toString(interval);
        this.burstMillis = Double.toString(interval * burstSegments);
        this.pinned = pinned;
        this.leadMillis = Long.toString(lead.toMillis());
        this.slack = slack(segmentsPerSecond, interval);
    }

    /**
     * How late a send may leave after its slot without any 1 s window holding more than the rate: the send
     * {@code ceiling} places later is at least {@code ceiling} intervals after this slot, so a window starting at
     * this send stays within the ceiling while the send is less than {@code ceiling × interval − 1 s} late. The
     * ceiling is the whole rate, or what exactly kept slots already give when the rate is not whole.
     */
    static Duration slack(double segmentsPerSecond, double intervalMillis) {
        long ceiling = Math.max((long) Math.floor(segmentsPerSecond), (long) Math.ceil(1000.0 / intervalMillis));
        double micros = (ceiling * intervalMillis - 1000.0) * 1000.0;
        return Duration.ofNanos(Math.max(0, Math.round(micros)) * 1000);
    }

    /** A clock for the script (tests only). */
    interface PinnedNow {
        Instant now();
    }

    @Override
    public CompletionStage<Decision> acquire(String sender, int cost) {
        String now = pinned.map(p -> Long.toString(p.now().toEpochMilli())).orElse("");
        return GCRA.<Long>run(redis.async(), ScriptOutputType.INTEGER, new String[]{RedisKeys.rateLimit(sender)},
                        millisPerSegment, burstMillis, Integer.toString(Math.max(1, cost)),
                        Long.toString(HORIZON.toMillis()), now, leadMillis)
                .thenApply(micros -> decision(micros, slack));
    }

    static Decision decision(long micros, Duration slack) {
        if (micros == 0) {
            return new Decision.Granted();
        }
        return micros > 0 ? new Decision.Reserved(Duration.ofNanos(micros * 1_000), slack)
                : new Decision.WaitFor(Duration.ofNanos(-micros * 1_000));
    }
}
