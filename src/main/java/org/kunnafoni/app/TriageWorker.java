package org.kunnafoni.app;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import org.kunnafoni.lead.ClusterPolicy;
import org.kunnafoni.lead.LeadWrite;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDeadLetters;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisLeadStore;
import org.kunnafoni.store.RedisLink;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One triage worker: its own Redis connection and thread (XREADGROUP … BLOCK would stall the shared pipelined
 * connection and must not run on an event loop). Per entry: triage, cluster, write the lead, and only then
 * XACK. Entries other consumers left pending longer than {@code claimIdle} are claimed and processed again;
 * the lead write is idempotent per entry, so that never counts a report twice. An entry that fails on every
 * one of {@code maxDeliveries} deliveries goes to the dead-letter stream.
 */
public final class TriageWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TriageWorker.class);
    /** Entries read at once: a batch costs a fixed number of round trips, so a backlog is caught up in big steps. */
    private static final int BATCH = 500;
    private static final int CLAIM_BATCH = 100;
    private static final Duration PENDING_POLL = Duration.ofSeconds(5);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    /** The knobs of config/gateway.yaml {@code triage.*}, plus the Redis command timeout. */
    public record Settings(ClusterPolicy policy, Duration claimIdle, int maxDeliveries, Duration commandTimeout,
                           TriageYield yield) {
        public Settings(ClusterPolicy policy, Duration claimIdle, int maxDeliveries, Duration commandTimeout) {
            this(policy, claimIdle, maxDeliveries, commandTimeout, TriageYield.NEVER);
        }

        Duration block() {
            long millis = Math.min(1000, Math.min(claimIdle.toMillis() / 2, commandTimeout.toMillis() / 2));
            return Duration.ofMillis(Math.max(10, millis));
        }
    }

    private final RedisLink connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;
    private final TriageBatch pipeline;
    private final Settings settings;
    private final TriageMetrics metrics;
    private final InstantSource clock;
    private final Consumer<String> consumer;
    private final boolean pollsPending;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final IntSupplier intakeWaiting;
    private final Rest rest;
    private volatile Thread thread;
    /** The last XACK sent (not waited for in the loop): close() lets it land before the connection goes. */
    private volatile CompletionStage<Long> lastAck = java.util.concurrent.CompletableFuture.completedFuture(0L);
    private long nextClaimAt;
    private long nextPendingPollAt;

    /** Waits between batches while intake is busy; a stop ends the wait. */
    @FunctionalInterface
    interface Rest {
        void take(Duration rest) throws InterruptedException;
    }

    TriageWorker(RedisConnector redis, TriageEngine engine, Settings settings, TriageMetrics metrics,
                 InstantSource clock, String consumerName, boolean pollsPending) {
        this(redis, engine, settings, metrics, clock, consumerName, pollsPending, () -> 0, null);
    }

    /** {@code intakeWaiting}: messages this process's intake holds unstored; {@code rest} null = wait on the stop latch. */
    TriageWorker(RedisConnector redis, TriageEngine engine, Settings settings, TriageMetrics metrics,
                 InstantSource clock, String consumerName, boolean pollsPending, IntSupplier intakeWaiting,
                 Rest rest) {
        this.intakeWaiting = intakeWaiting;
        this.rest = rest != null ? rest : d -> stop.await(d.toNanos(), TimeUnit.NANOSECONDS);
        this.connection = redis.newConnection();
        this.sync = connection.sync();
        this.async = connection.async();
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.pipeline = new TriageBatch(async, new RedisLeadStore(() -> async), engine, settings.policy(), metrics,
                clock, this::await);
        this.consumer = Consumer.from(RedisKeys.TRIAGE_GROUP, consumerName);
        this.pollsPending = pollsPending;
        // nanoTime has an arbitrary origin: "due now" must be relative to it, not to zero
        this.nextClaimAt = System.nanoTime();
        this.nextPendingPollAt = nextClaimAt;
    }

    /** Creates the consumer group (and the stream) if missing, from the start of the stream so nothing is skipped. */
    static void ensureGroup(RedisClusterCommands<String, String> redis) {
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(RedisKeys.INTAKE_STREAM, "0-0"), RedisKeys.TRIAGE_GROUP,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException alreadyThere) {
            // BUSYGROUP: another worker or an earlier run created it
        }
    }

    void start() {
        ensureGroup(sync);
        thread = new Thread(this::loop, "kunnafoni-triage-" + consumer.getName());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (stop.getCount() > 0) {
            try {
                pollOnce();
            } catch (Exception e) {
                if (stop.getCount() == 0) {
                    return;
                }
                LOG.warn("triage worker {}: {}; retrying", consumer.getName(), e.toString());
                pause();
            }
        }
    }

    /** One turn of the loop: reclaim if due, read new entries (blocking briefly), process and acknowledge them. */
    void pollOnce() throws Exception {
        long now = System.nanoTime();
        if (now - nextClaimAt >= 0) {
            reclaim();
            nextClaimAt = now + settings.claimIdle().toNanos() / 2;
        }
        if (pollsPending && now - nextPendingPollAt >= 0) {
            metrics.pending.set(sync.xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount());
            nextPendingPollAt = now + PENDING_POLL.toNanos();
        }
        List<StreamMessage<String, String>> batch = sync.xreadgroup(consumer,
                XReadArgs.Builder.block(settings.block()).count(settings.yield().batch(intakeWaiting.getAsInt(), BATCH)),
                XReadArgs.StreamOffset.lastConsumed(RedisKeys.INTAKE_STREAM));
        if (batch == null || batch.isEmpty()) {
            metrics.lagMillis.set(0);
            return;
        }
        // timed from the read's answer: a read that blocked while the stream was empty is not work
        long started = System.nanoTime();
        handle(batch, Map.of());
        giveWayToIntake(Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * While intake is saturated, rest so that this worker runs at most its share of the time (TriageYield). The
     * rest is taken in short slices and ends as soon as intake is no longer busy: a brief stall (one slow fsync
     * makes messages pile up for a few milliseconds) must not hold triage back for long.
     */
    private void giveWayToIntake(Duration worked) throws InterruptedException {
        TriageYield yield = settings.yield();
        long left = yield.rest(worked, intakeWaiting.getAsInt()).toNanos();
        while (left > 0 && stop.getCount() > 0) {
            long slice = Math.min(left, TriageYield.REST_SLICE.toNanos());
            rest.take(Duration.ofNanos(slice));
            metrics.yielded.increment(slice / 1e9);
            left -= slice;
            if (!yield.busy(intakeWaiting.getAsInt())) {
                return;
            }
        }
    }

    /** Claims entries idle longer than claimIdle from any consumer (a dead worker's, or failed ones) and retries them. */
    private void reclaim() throws Exception {
        String cursor = "0-0";
        do {
            ClaimedMessages<String, String> claimed = sync.xautoclaim(RedisKeys.INTAKE_STREAM,
                    XAutoClaimArgs.Builder.<String>xautoclaim(consumer, settings.claimIdle(), cursor)
                            .count(CLAIM_BATCH));
            List<StreamMessage<String, String>> messages = claimed.getMessages().stream()
                    .filter(Objects::nonNull).toList();
            if (!messages.isEmpty()) {
                metrics.reclaimed.increment(messages.size());
                handle(messages, deliveries(messages));
            }
            cursor = claimed.getId();
        } while (!"0-0".equals(cursor) && stop.getCount() > 0);
    }

    private Map<String, Long> deliveries(List<StreamMessage<String, String>> messages) {
        Range<String> ids = Range.create(messages.get(0).getId(), messages.get(messages.size() - 1).getId());
        Map<String, Long> counts = new HashMap<>();
        for (PendingMessage p : sync.xpending(RedisKeys.INTAKE_STREAM, consumer, ids, Limit.from(CLAIM_BATCH * 2L))) {
            counts.put(p.getId(), p.getRedeliveryCount());
        }
        return counts;
    }

    /** Processes a batch (see {@link TriageBatch}) and acknowledges what was written or dead-lettered in one XACK. */
    private void handle(List<StreamMessage<String, String>> batch, Map<String, Long> deliveries) throws Exception {
        Map<String, StreamMessage<String, String>> byId = new HashMap<>();
        batch.forEach(m -> byId.put(m.getId(), m));
        List<String> done = new ArrayList<>(batch.size());
        // a StoreUnavailable leaves the whole batch pending: not the entries' fault, retried after a pause
        for (TriageBatch.Outcome outcome : pipeline.run(batch)) {
            if (outcome instanceof TriageBatch.Outcome.Written written) {
                count(written.write(), written.receivedAt());
                done.add(written.entryId());
            } else if (outcome instanceof TriageBatch.Outcome.Flood flood) {
                metrics.flood.increment();
                done.add(flood.entryId());
            } else if (outcome instanceof TriageBatch.Outcome.Failed failed) {
                metrics.failures.increment();
                long delivered = deliveries.getOrDefault(failed.entryId(), 1L);
                if (delivered >= settings.maxDeliveries()) {
                    deadLetter(byId.get(failed.entryId()), delivered, failed.error());
                } else {
                    LOG.warn("triage of entry {} failed (delivery {} of {}): {}", failed.entryId(), delivered,
                            settings.maxDeliveries(), failed.error().toString());
                }
            }
        }
        if (!done.isEmpty()) {
            // not awaited: it goes before the next read on this connection, and one that is lost only means the
            // entries are claimed again later and found already written
            lastAck = async.xack(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP, done.toArray(String[]::new))
                    .exceptionally(e -> {
                        LOG.warn("triage worker {}: XACK failed, entries will be reclaimed: {}", consumer.getName(),
                                e.toString());
                        return 0L;
                    });
        }
    }

    /** Triage, cluster and write one entry, without acknowledging it. */
    LeadWrite process(StreamMessage<String, String> m, Optional<Language> knownLanguage) throws Exception {
        TriageBatch.Outcome outcome = pipeline.run(List.of(m), knownLanguage).get(0);
        if (outcome instanceof TriageBatch.Outcome.Failed failed) {
            throw failed.error();
        }
        if (outcome instanceof TriageBatch.Outcome.Flood) {
            throw new IllegalArgumentException("entry " + m.getId() + " is flagged flood: not triaged");
        }
        TriageBatch.Outcome.Written written = (TriageBatch.Outcome.Written) outcome;
        count(written.write(), written.receivedAt());
        return written.write();
    }

    private void count(LeadWrite written, Instant received) {
        metrics.processed.increment();
        if (written instanceof LeadWrite.Opened) {
            metrics.opened.increment();
        } else if (written instanceof LeadWrite.Attached) {
            metrics.attached.increment();
        } else {
            metrics.duplicates.increment();
        }
        metrics.latency.record(Duration.ofMillis(Math.max(0, clock.millis() - received.toEpochMilli())));
    }

    private void deadLetter(StreamMessage<String, String> m, long delivered, Exception error) throws Exception {
        boolean moved = await(RedisDeadLetters.move(async, m.getId(), m.getBody(), delivered, error.toString(),
                clock.instant()));
        if (moved) {
            metrics.deadLettered.increment();
            LOG.error("intake entry {} failed {} times and was moved to {}: {}", m.getId(), delivered,
                    RedisKeys.INTAKE_DEAD_LETTERS, error.toString());
        }
    }

    private <T> T await(CompletionStage<T> reply) {
        try {
            return reply.toCompletableFuture().get(settings.commandTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof RedisCommandExecutionException refused) {
                // Redis answered with an error about this entry's write: count it towards dead-lettering
                throw new Refused(refused);
            }
            throw new StoreUnavailable(cause);
        } catch (Exception e) {
            throw new StoreUnavailable(e);
        }
    }

    /** Redis failed or timed out: distinct from an entry triage cannot process. */
    static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super("Redis: " + cause, cause);
        }
    }

    /** Redis answered an entry's command with an error: the entry's failure, counted towards dead-lettering. */
    static final class Refused extends RuntimeException {
        Refused(RedisCommandExecutionException cause) {
            super("Redis refused: " + cause.getMessage(), cause);
        }
    }

    private void pause() {
        try {
            stop.await(ERROR_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop.countDown();
        Thread running = thread;
        if (running != null) {
            try {
                running.join(settings.block().toMillis() + settings.commandTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            // else the batch written last is triaged again after a restart (harmless, but wasted and logged)
            lastAck.toCompletableFuture().get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the entries stay pending and are claimed again: nothing is lost
        }
        connection.close();
    }
}
