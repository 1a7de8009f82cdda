package org.kunnafoni.intake;

import org.kunnafoni.channel.InboundMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit for the spool: messages that arrive while one fsync runs are written together and synced once by
 * the next. One fsync per message capped the spool at a few hundred messages a second, below a busy day's alert
 * rate, so after a Redis stall the spool never caught up and every answer waited behind the disk.
 */
final class SpoolBatcher {
    private static final int MAX_BATCH = 2048;

    /** A message waiting for the writer, and the future its webhook answer waits on. */
    record Pending(InboundMessage message, CompletableFuture<Void> written) {
    }

    private final Spool spool;
    private final Executor writer;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    SpoolBatcher(Spool spool, Executor writer) {
        this.spool = spool;
        this.writer = writer;
    }

    /** Completes once the message is fsynced in the spool; fails (and nothing is kept) if the disk refuses it. */
    CompletionStage<Void> append(InboundMessage message) {
        Pending pending = new Pending(message, new CompletableFuture<>());
        queue.add(pending);
        scheduleDrain();
        return pending.written();
    }

    /**
     * Takes up to {@code max} of the messages still waiting for the writer, in arrival order, away from it: the
     * caller stores them elsewhere and completes their futures (or hands them back to {@link #writeNow}).
     */
    List<Pending> takeWaiting(int max) {
        List<Pending> taken = new ArrayList<>();
        for (Pending next = queue.poll(); next != null; next = taken.size() < max - 1 ? queue.poll() : null) {
            taken.add(next);
        }
        return taken;
    }

    /** Writes taken messages to the spool after all, on the calling thread, completing or failing their futures. */
    void writeNow(List<Pending> taken) {
        write(taken);
    }

    private void scheduleDrain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            writer.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining.set(false);
            failAll(new IOException("the spool writer has stopped", e));
        }
    }

    private void drain() {
        try {
            for (List<Pending> batch = take(); !batch.isEmpty(); batch = take()) {
                write(batch);
            }
        } finally {
            draining.set(false);
            if (!queue.isEmpty()) {
                scheduleDrain();
            }
        }
    }

    private List<Pending> take() {
        return takeWaiting(MAX_BATCH);
    }

    private void write(List<Pending> batch) {
        try {
            spool.appendAll(batch.stream().map(Pending::message).toList());
            batch.forEach(p -> p.written().complete(null));
        } catch (Throwable e) {
            // an Error too (out of memory for a big batch): a future left open would hang its webhook answer
            batch.forEach(p -> p.written().completeExceptionally(e));
        }
    }

    private void failAll(IOException error) {
        for (Pending next = queue.poll(); next != null; next = queue.poll()) {
            next.written().completeExceptionally(error);
        }
    }
}
