package org.kunnafoni.dispatch;

import org.junit.jupiter.api.Test;
import org.kunnafoni.support.Await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A worker completes dispatches one by one: a send that hangs holds its own place, not the worker's batch. */
class DispatchWorkerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
    private final InMemoryDispatchStore store = new InMemoryDispatchStore();
    private final PipelineFakes.Consent consent = new PipelineFakes.Consent();

    /** The first send never answers (a hung provider call); every later one is accepted. */
    private static final class FirstHangs implements Sender {
        final CompletableFuture<SendResult> hung = new CompletableFuture<>();
        final List<String> accepted = new ArrayList<>();
        private boolean first = true;

        @Override
        public synchronized CompletionStage<SendResult> send(OutboundMessage message) {
            if (first) {
                first = false;
                return hung;
            }
            accepted.add(message.dispatchId());
            return CompletableFuture.completedFuture(new SendResult.Accepted("SM" + accepted.size()));
        }

        synchronized int acceptedCount() {
            return accepted.size();
        }
    }

    /** Entries handed out in order; acknowledgements recorded. */
    private static final class ListQueue implements DispatchQueue {
        final LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
        final List<String> acked = new ArrayList<>();

        @Override
        public CompletionStage<Void> enqueue(String dispatchId) {
            entries.add(new Entry("e-" + dispatchId, dispatchId));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> enqueuePlanned(List<PlannedRecipient> recipients) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public CompletionStage<Void> schedule(String dispatchId, Instant due) {
            return enqueue(dispatchId);
        }

        @Override
        public CompletionStage<Integer> promoteDue(Instant now) {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public CompletionStage<List<Entry>> take(String consumer, int max, Duration block) {
            List<Entry> out = new ArrayList<>();
            try {
                Entry first = entries.poll(block.toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    out.add(first);
                    entries.drainTo(out, max - 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(out);
        }

        @Override
        public synchronized CompletionStage<Void> ack(Entry entry) {
            acked.add(entry.dispatchId());
            return CompletableFuture.completedFuture(null);
        }

        synchronized int ackedCount() {
            return acked.size();
        }
    }

    @Test
    void aHungSendDoesNotStallTheOthers() throws Exception {
        FirstHangs twilio = new FirstHangs();
        ListQueue queue = new ListQueue();
        DispatchPipeline pipeline = new DispatchPipeline(store, consent, QuietHours.bamakoDefault(clock),
                new PipelineFakes.Limiter(), Map.of("twilio", twilio), Backoff.standard(), new SplittableRandom(1),
                clock, Duration.ofMinutes(2), Duration.ofSeconds(30));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String pseudonym = "R-" + i;
            consent.subscribe(pseudonym, "+2237600000" + i);
            Dispatch d = Dispatch.planned("run-1", pseudonym, Optional.of("gao"), "twilio", "KUNNAFONI", "Bonjour",
                    clock.instant());
            store.create(d);
            ids.add(d.id());
        }
        DispatchWorker worker = new DispatchWorker(queue, pipeline, "w", 2, Duration.ofMillis(20), clock);
        worker.start();
        try {
            ids.forEach(queue::enqueue);
            // batch 2 with one place held by the hung call: the other place sends the remaining five
            Await.until("five sent beside the hung call", Duration.ofSeconds(10), () -> twilio.acceptedCount() == 5);
            assertThat(queue.ackedCount()).isEqualTo(5);
            twilio.hung.complete(new SendResult.Accepted("SM-late"));
            Await.until("the hung one recorded", Duration.ofSeconds(10), () -> queue.ackedCount() == 6);
            assertThat(ids).allSatisfy(id -> assertThat(store.get(id).state()).isEqualTo(DispatchState.ACCEPTED));
        } finally {
            worker.close();
        }
    }
}
