package org.kunnafoni.store;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue.EnqueueResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Which alerts travel together to Redis, and that each request still gets its own outcome. */
class TurnBatchesTest {
    private final EventLoop loop = new DefaultEventLoop();
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopLoop() throws Exception {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void alertsTakenInOneTurnGoAsOneBatchInOrderEachWithItsOwnOutcome() throws Exception {
        TurnBatches turns = new TurnBatches(recordingStore(ids -> null));
        List<CompletionStage<EnqueueResult>> outcomes = onLoop(() -> addAll(turns, "a", "b", "c"));
        assertThat(entryIds(outcomes)).containsExactly("stored-a", "stored-b", "stored-c");
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void alertsOfDifferentTurnsGoSeparately() throws Exception {
        TurnBatches turns = new TurnBatches(recordingStore(ids -> null));
        List<CompletionStage<EnqueueResult>> first = onLoop(() -> addAll(turns, "a"));
        List<CompletionStage<EnqueueResult>> second = onLoop(() -> addAll(turns, "b", "c"));
        assertThat(entryIds(first)).containsExactly("stored-a");
        assertThat(entryIds(second)).containsExactly("stored-b", "stored-c");
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"));
    }

    @Test
    void aFullBatchGoesAtOnceAndTheRestOfTheTurnFollowsInOrder() throws Exception {
        TurnBatches turns = new TurnBatches(recordingStore(ids -> null));
        String[] ids = new String[TurnBatches.MAX_BATCH + 3];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "m" + i;
        }
        List<CompletionStage<EnqueueResult>> outcomes = onLoop(() -> addAll(turns, ids));
        assertThat(entryIds(outcomes)).hasSize(ids.length).first().isEqualTo("stored-m0");
        assertThat(batches).extracting(List::size).containsExactly(TurnBatches.MAX_BATCH, 3);
        assertThat(batches.get(1)).containsExactly("m64", "m65", "m66");
    }

    @Test
    void aFailedBatchFailsEachOfItsAlertsAndTheNextBatchStillGoes() throws Exception {
        TurnBatches turns = new TurnBatches(recordingStore(ids -> ids.contains("bad")
                ? new IllegalStateException("Redis refused") : null));
        List<CompletionStage<EnqueueResult>> failed = onLoop(() -> addAll(turns, "x", "bad"));
        for (CompletionStage<EnqueueResult> outcome : failed) {
            assertThat(outcome.toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS);
        }
        List<CompletionStage<EnqueueResult>> next = onLoop(() -> addAll(turns, "y"));
        assertThat(entryIds(next)).containsExactly("stored-y");
    }

    @Test
    void aStoreThatThrowsInsteadOfFailingItsStageFailsTheBatchToo() throws Exception {
        TurnBatches turns = new TurnBatches(alerts -> {
            throw new IllegalStateException("not connected");
        });
        List<CompletionStage<EnqueueResult>> outcomes = onLoop(() -> addAll(turns, "a", "b"));
        for (CompletionStage<EnqueueResult> outcome : outcomes) {
            assertThat(outcome.toCompletableFuture()).failsWithin(5, TimeUnit.SECONDS);
        }
    }

    /** A store that records each batch's provider ids and answers asynchronously, like Redis. */
    private Function<List<Alert>, CompletionStage<List<EnqueueResult>>> recordingStore(
            Function<List<String>, RuntimeException> failure) {
        return alerts -> {
            List<String> ids = alerts.stream().map(a -> a.message().providerId()).toList();
            batches.add(ids);
            RuntimeException error = failure.apply(ids);
            if (error != null) {
                return CompletableFuture.supplyAsync(() -> {
                    throw error;
                });
            }
            return CompletableFuture.supplyAsync(() -> ids.stream()
                    .map(id -> (EnqueueResult) new EnqueueResult.Enqueued("stored-" + id, false)).toList());
        };
    }

    private List<CompletionStage<EnqueueResult>> addAll(TurnBatches turns, String... ids) {
        List<CompletionStage<EnqueueResult>> outcomes = new ArrayList<>();
        for (String id : ids) {
            outcomes.add(turns.add(loop, alert(id)));
        }
        return outcomes;
    }

    /** Runs one task (one turn) on the loop and returns what it produced. */
    private <T> T onLoop(java.util.concurrent.Callable<T> turn) throws Exception {
        return loop.submit(turn).get(5, TimeUnit.SECONDS);
    }

    private static List<String> entryIds(List<CompletionStage<EnqueueResult>> outcomes) {
        return outcomes.stream().map(o -> ((EnqueueResult.Enqueued) o.toCompletableFuture().join()).entryId()).toList();
    }

    private static Alert alert(String id) {
        return new Alert(new InboundMessage("twilio", InboundMessage.Kind.SMS, id, "+22376000001", "+15005550006",
                "alerte", Instant.parse("2026-11-29T08:00:00Z"), Optional.empty()), "R-1", "enc");
    }
}
