package org.kunnafoni.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads the dispatch queue and runs the pipeline, on its own thread (never an event loop): promote what is due,
 * take entries, run the dispatches concurrently, schedule the ones that must wait, then acknowledge. An entry is
 * acknowledged only after its outcome is recorded; when a run fails (Redis away) it stays pending and is taken
 * over later, which the pipeline's claim makes harmless.
 *
 * <p>At most {@code batch} dispatches are in flight per worker, and each completes on its own: the loop takes new
 * entries as soon as any finishes. A provider call that hangs until its timeout then holds one place, not the
 * whole batch, and a rate-limited backlog keeps a slot reserved ahead at all times instead of pausing between
 * batches. The in-flight window (what a killed worker may leave {@code sending}) is still {@code batch}.
 */
public final class DispatchWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchWorker.class);

    private static final Duration MIN_BLOCK = Duration.ofMillis(1);
    private static final Duration BUSY_BLOCK = Duration.ofMillis(100);

    private final DispatchQueue queue;
    private final DispatchPipeline pipeline;
    private final String consumer;
    private final int batch;
    private final Duration block;
    private final InstantSource clock;
    private final Semaphore free;
    private volatile boolean running;
    private Thread thread;

    public DispatchWorker(DispatchQueue queue, DispatchPipeline pipeline, String consumer, int batch, Duration block,
                          InstantSource clock) {
        this.queue = queue;
        this.pipeline = pipeline;
        this.consumer = consumer;
        this.batch = batch;
        this.block = block;
        this.clock = clock;
        this.free = new Semaphore(batch);
    }

    /**
     * One round that waits for what it took; returns how many dispatches were handled. Blocks up to {@code block}
     * when nothing is queued. The worker's own loop does not wait (see {@link #startRound}).
     */
    public int runOnce() {
        List<CompletableFuture<Void>> runs = startRound(free.drainPermits());
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        return runs.size();
    }

    /** Waits until at least one place is free (or the worker stops), then takes every free place. */
    private int awaitPlaces() {
        try {
            while (running) {
                if (free.tryAcquire(block.toMillis() + 1, TimeUnit.MILLISECONDS)) {
                    return 1 + free.drainPermits();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Takes up to {@code places} entries and starts each; every one gives its place back when its outcome is
     * recorded. Places not used are given back at once.
     */
    private List<CompletableFuture<Void>> startRound(int places) {
        if (places == 0) {
            return List.of();
        }
        List<DispatchQueue.Entry> entries;
        try {
            queue.promoteDue(clock.instant()).toCompletableFuture().join();
            entries = queue.take(consumer, places, blockFor(places < batch)).toCompletableFuture().join();
        } catch (RuntimeException e) {
            free.release(places);
            throw e;
        }
        free.release(places - entries.size());
        return entries.stream().map(entry -> handle(entry).whenComplete((v, error) -> free.release())).toList();
    }

    /**
     * Blocks on the stream no longer than until the next delayed dispatch is due: a rate-limited sender's next
     * message then goes out on time instead of up to {@code block} late, which would lower the achieved rate.
     * While other dispatches are in flight, no longer than {@link #BUSY_BLOCK}: one of them may yet put a
     * dispatch in the delayed set (a retry, a given-up slot) that is due sooner.
     */
    private Duration blockFor(boolean busy) {
        Duration longest = busy && BUSY_BLOCK.compareTo(block) < 0 ? BUSY_BLOCK : block;
        return queue.nextDue().toCompletableFuture().join()
                .map(due -> Duration.between(clock.instant(), due))
                .filter(wait -> wait.compareTo(longest) < 0)
                .map(wait -> wait.compareTo(MIN_BLOCK) < 0 ? MIN_BLOCK : wait)
                .orElse(longest);
    }

    private CompletableFuture<Void> handle(DispatchQueue.Entry entry) {
        // started inside a stage, so an exception thrown by the pipeline still ends in the handler below
        return CompletableFuture.completedFuture(entry).thenCompose(pipeline::run)
                .thenCompose(outcome -> outcome instanceof PipelineOutcome.Later later
                        ? queue.schedule(entry.dispatchId(), later.due())
                        : CompletableFuture.<Void>completedFuture(null))
                .thenCompose(v -> queue.ack(entry))
                .exceptionally(error -> {
                    LOG.warn("dispatch {} not handled, left for a retry: {}", entry.dispatchId(), error.toString());
                    return null;
                })
                .toCompletableFuture();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "kunnafoni-dispatch-" + consumer);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                startRound(awaitPlaces());
            } catch (RuntimeException e) {
                LOG.warn("dispatch worker {} round failed: {}", consumer, e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(Math.max(100, block.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(block.toMillis() + 30_000);
            // let the dispatches in flight record their outcome (a provider call ends by its own timeout)
            if (free.tryAcquire(batch, 30, TimeUnit.SECONDS)) {
                free.release(batch);
            }
        }
    }
}
