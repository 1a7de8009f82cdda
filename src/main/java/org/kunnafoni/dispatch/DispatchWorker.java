package org.kunnafoni.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads the dispatch queue and runs the pipeline, on its own thread (never an event loop): promote what is due,
 * take a batch, run the dispatches concurrently, schedule the ones that must wait, then acknowledge. An entry is
 * acknowledged only after its outcome is recorded; when a run fails (Redis away) it stays pending and is taken
 * over later, which the pipeline's claim makes harmless.
 */
public final class DispatchWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchWorker.class);

    private static final Duration MIN_BLOCK = Duration.ofMillis(1);

    private final DispatchQueue queue;
    private final DispatchPipeline pipeline;
    private final String consumer;
    private final int batch;
    private final Duration block;
    private final InstantSource clock;
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
    }

    /** One round; returns how many dispatches were handled. Blocks up to {@code block} when nothing is queued. */
    public int runOnce() {
        queue.promoteDue(clock.instant()).toCompletableFuture().join();
        List<DispatchQueue.Entry> entries = queue.take(consumer, batch, blockFor()).toCompletableFuture().join();
        CompletableFuture<?>[] runs = entries.stream().map(this::handle).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(runs).join();
        return entries.size();
    }

    /**
     * Blocks on the stream no longer than until the next delayed dispatch is due: a rate-limited sender's next
     * message then goes out on time instead of up to {@code block} late, which would lower the achieved rate.
     */
    private Duration blockFor() {
        return queue.nextDue().toCompletableFuture().join()
                .map(due -> Duration.between(clock.instant(), due))
                .filter(wait -> wait.compareTo(block) < 0)
                .map(wait -> wait.compareTo(MIN_BLOCK) < 0 ? MIN_BLOCK : wait)
                .orElse(block);
    }

    private CompletableFuture<Void> handle(DispatchQueue.Entry entry) {
        return pipeline.run(entry)
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
                runOnce();
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
        }
    }
}
