package org.kunnafoni.store;

import io.netty.channel.EventLoop;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue.EnqueueResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Group commit for live appends. The alerts one HTTP event loop takes during one turn (the requests its sockets
 * delivered together) go to Redis as one batch script call, sent once that turn's reading is done. Under load this
 * replaces a script call, an AOF write and fsync, and a reply per alert by one per batch; a request that arrives
 * alone is a batch of one, sent at the end of its own turn, so no request waits for another to come. (Holding
 * alerts back while an earlier batch is in Redis made bigger batches but fewer requests per second: Redis then
 * waited for the loop and the loop for Redis.)
 *
 * <p>Each alert keeps its own outcome: a failed batch fails every alert in it (each then goes to the spool), and
 * the batch script stores all of a batch or none of it, so an alert is never both spooled and stored unseen.
 */
final class TurnBatches {
    /** A batch this full is sent at once; the rest of the turn's alerts go in the next (pipelined, in order). */
    static final int MAX_BATCH = 64;

    private final Function<List<Alert>, CompletionStage<List<EnqueueResult>>> store;
    /** Only its event loop's thread touches a loop's pending batch, so no lock. */
    private final ThreadLocal<Pending> pending = ThreadLocal.withInitial(Pending::new);

    /** @param store appends a batch in order, all or nothing, answering one result per alert */
    TurnBatches(Function<List<Alert>, CompletionStage<List<EnqueueResult>>> store) {
        this.store = store;
    }

    /** Call on {@code loop}'s own thread. */
    CompletionStage<EnqueueResult> add(EventLoop loop, Alert alert) {
        Pending batch = pending.get();
        if (batch.alerts.isEmpty()) {
            loop.execute(() -> flush(batch));
        }
        CompletableFuture<EnqueueResult> outcome = new CompletableFuture<>();
        batch.alerts.add(alert);
        batch.outcomes.add(outcome);
        if (batch.alerts.size() >= MAX_BATCH) {
            flush(batch);
        }
        return outcome;
    }

    private void flush(Pending batch) {
        if (batch.alerts.isEmpty()) {
            return;
        }
        List<Alert> alerts = List.copyOf(batch.alerts);
        List<CompletableFuture<EnqueueResult>> outcomes = List.copyOf(batch.outcomes);
        batch.alerts.clear();
        batch.outcomes.clear();
        CompletionStage<List<EnqueueResult>> stored;
        try {
            stored = store.apply(alerts);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        stored.whenComplete((results, error) -> {
            for (int i = 0; i < outcomes.size(); i++) {
                if (error != null) {
                    outcomes.get(i).completeExceptionally(error);
                } else {
                    outcomes.get(i).complete(results.get(i));
                }
            }
        });
    }

    private static final class Pending {
        final List<Alert> alerts = new ArrayList<>();
        final List<CompletableFuture<EnqueueResult>> outcomes = new ArrayList<>();
    }
}
