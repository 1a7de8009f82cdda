package org.kunnafoni.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.dispatch.Backoff;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchPipeline;
import org.kunnafoni.dispatch.DispatchQueue;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.dispatch.DispatchStore;
import org.kunnafoni.dispatch.DispatchStore.Claim;
import org.kunnafoni.dispatch.DispatchStore.StatusUpdate;
import org.kunnafoni.dispatch.DispatchWorker;
import org.kunnafoni.dispatch.MutableClock;
import org.kunnafoni.dispatch.OutboundMessage;
import org.kunnafoni.dispatch.QuietHours;
import org.kunnafoni.dispatch.RateLimiter;
import org.kunnafoni.dispatch.Recipient;
import org.kunnafoni.dispatch.SendResult;
import org.kunnafoni.dispatch.Sender;
import org.kunnafoni.support.FreePorts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis dispatch store, rate limiter, queue and worker against an embedded Redis. */
class RedisDispatchTest {
    static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    static Path dataDir;
    static EmbeddedRedis server;
    static RedisConnector redis;
    static RedisDispatchStore store;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedRedis.start(dataDir, FreePorts.next(), "no");
        redis = new RedisConnector(server.uri(), Duration.ofSeconds(2));
        store = new RedisDispatchStore(redis);
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
        server.close();
    }

    static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    static Dispatch newDispatch(String recipient) {
        Dispatch d = Dispatch.planned(UUID.randomUUID().toString(), recipient, Optional.of("gao"), "twilio",
                "KUNNAFONI", "Ɲɛnamaya: message", NOON);
        assertThat(join(store.create(d))).isTrue();
        return d;
    }

    @Test
    void createsOnceAndReadsBack() {
        Dispatch d = newDispatch("R-READ");
        assertThat(join(store.create(d))).isFalse();
        assertThat(join(store.find(d.id()))).contains(d);
        assertThat(join(store.find("D-none"))).isEmpty();
    }

    @Test
    void openCreatesOnceAndAnswersTheStoredDispatch() {
        Dispatch planned = Dispatch.planned("C-00000000open-1", "R-OPEN", Optional.of("gao"), "twilio", "KUNNAFONI",
                "message", NOON).withValidUntil(Optional.of(NOON.plusSeconds(3600)));
        assertThat(join(store.open(planned))).isEqualTo(planned);
        join(store.claim(planned.id(), NOON, Duration.ofMinutes(2)));
        Dispatch again = join(store.open(planned.withValidUntil(Optional.empty())));
        assertThat(again.state()).as("the stored one, not a second").isEqualTo(DispatchState.SENDING);
        assertThat(again.validUntil()).contains(NOON.plusSeconds(3600));
    }

    @Test
    void twoWorkersRacingForOneRecipientSendOnce() throws Exception {
        MutableClock clock = new MutableClock(NOON);
        String run = "C-0000000race-" + UUID.randomUUID().toString().substring(0, 8);
        RedisRunPlans plans = new RedisRunPlans(redis);
        join(plans.save(new org.kunnafoni.dispatch.RunPlan(run, "twilio", "KUNNAFONI", Map.of("fra", "message"),
                Optional.empty())));
        CountingSender sender = new CountingSender();
        try (RedisDispatchQueue queue = new RedisDispatchQueue(redis, Duration.ofMinutes(3))) {
            // a resumed fan-out queued the same recipients twice
            List<org.kunnafoni.dispatch.PlannedRecipient> twice = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                twice.add(new org.kunnafoni.dispatch.PlannedRecipient(run, "R-RACE-" + i, "gao", "fra"));
            }
            join(queue.enqueuePlanned(twice));
            join(queue.enqueuePlanned(twice));
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<Integer>> rounds = new java.util.ArrayList<>();
            for (String name : List.of("racer-a", "racer-b")) {
                DispatchWorker w = new DispatchWorker(queue, pipeline(store, plans, clock, sender), name, 1,
                        Duration.ofMillis(20), clock);
                rounds.add(threads.submit(() -> {
                    int n = 0;
                    while (w.runOnce() > 0) {
                        n++;
                    }
                    return n;
                }));
            }
            assertThat(rounds.get(0).get() + rounds.get(1).get()).isEqualTo(40);
            threads.shutdown();
            // a loser that found the dispatch in flight looks again after the winner's lease: still nothing twice
            clock.advance(Duration.ofMinutes(3));
            new DispatchWorker(queue, pipeline(store, plans, clock, sender), "racer-c", 64, Duration.ofMillis(20),
                    clock).runOnce();
        }
        assertThat(sender.sent).hasSize(20).doesNotHaveDuplicates();
    }

    @Test
    void claimIsExclusiveUntilTheLeaseEnds() {
        Dispatch d = newDispatch("R-CLAIM");
        Claim first = join(store.claim(d.id(), NOON, Duration.ofMinutes(2)));
        assertThat(first).isInstanceOf(Claim.Claimed.class);
        assertThat(((Claim.Claimed) first).reclaimed()).isFalse();
        assertThat(((Claim.Claimed) first).dispatch().state()).isEqualTo(DispatchState.SENDING);
        assertThat(join(store.claim(d.id(), NOON.plusSeconds(60), Duration.ofMinutes(2))))
                .isEqualTo(new Claim.Busy(NOON.plus(Duration.ofMinutes(2))));
        Claim late = join(store.claim(d.id(), NOON.plusSeconds(121), Duration.ofMinutes(2)));
        assertThat(((Claim.Claimed) late).reclaimed()).isTrue();
        join(store.advance(d.id(), new StatusUpdate(DispatchState.ACCEPTED, Optional.of("SMc1"), Optional.empty(),
                OptionalInt.of(1), NOON)));
        assertThat(join(store.claim(d.id(), NOON.plusSeconds(600), Duration.ofMinutes(2))))
                .isEqualTo(new Claim.Settled(DispatchState.ACCEPTED));
        assertThat(join(store.claim("D-none", NOON, Duration.ofMinutes(2)))).isEqualTo(new Claim.Missing());
        assertThat(join(store.reschedule(d.id(), DispatchState.RETRYING, "late", OptionalInt.of(2), NOON))).isFalse();
        assertThat(join(store.findByProviderId("SMc1"))).contains(d.id());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'accepted,sent,delivered',       delivered",
            "'accepted,delivered,sent',       delivered",
            "'sent,accepted',                 sent",
            "'accepted,undelivered,delivered', undelivered",
            "'delivered,delivered',           delivered",
            "'failed,sent',                   failed",
    })
    void advanceIsForwardOnly(String states, String expected) {
        Dispatch d = newDispatch("R-ORDER");
        join(store.claim(d.id(), NOON, Duration.ofMinutes(2)));
        for (String s : states.split(",")) {
            join(store.advance(d.id(), StatusUpdate.of(DispatchState.fromId(s).orElseThrow(), NOON)));
        }
        assertThat(join(store.find(d.id())).orElseThrow().state().id()).isEqualTo(expected);
    }

    /**
     * Slot reservation on a pinned clock. Each call is {@code at ms : cost}; each answer is the reserved delay in
     * ms after the call (0 = now, granted), or {@code wait N} when nothing was reserved. Slots are 1.5 % wider than the rate
     * (10/s → 101.5 ms, 1/s → 1015 ms) so that send jitter never puts rate + 1 arrivals in one second.
     */
    @ParameterizedTest(name = "{0}/s burst {1} lead {2} ms: {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            // a backlog asking at once gets one slot after another, nobody is refused
            "10 | 1  | 0  | 0:1 0:1 0:1 0:1                | 0 101.5 203 304.5",
            // asking later waits only for what is left; an idle sender starts again at once
            "10 | 1  | 0  | 0:1 0:1 50:1 1000:1 1000:1     | 0 101.5 153 0 101.5",
            // cost is in segments: a 2-segment message takes two slots
            "10 | 1  | 0  | 0:2 0:1 0:1                    | 0 203 304.5",
            // a burst lets that many segments go back to back, then the rate applies
            "1  | 3  | 0  | 0:2 0:1 0:2 0:1                | 0 0 2030 3045",
            // a message larger than the burst still goes out when the sender is idle
            "1  | 3  | 0  | 0:10 0:1                       | 0 8120",
            // with a lead, even an idle sender's slot is that far ahead (time to claim before it); spacing is kept
            "10 | 1  | 20 | 0:1 0:1 0:1 500:1              | 20 121.5 223 20",
            "1  | 3  | 20 | 0:1 0:1 0:1 0:1                | 20 20 20 1035",
            // a slot more than 30 s ahead is not reserved: ask again when it is within reach
            "1  | 1  | 0  | 0:29 0:1 0:1 0:1               | 0 29435 wait 450 wait 450",
    })
    void slotsAreReservedOneAfterAnother(double rate, int burst, long lead, String calls, String expected) {
        Instant[] now = {NOON};
        RedisRateLimiter limiter = new RedisRateLimiter(redis, rate, burst, Optional.of(() -> now[0]), Duration.ofMillis(lead));
        String sender = "S-" + UUID.randomUUID();
        List<String> answers = new java.util.ArrayList<>();
        for (String call : calls.trim().split("\\s+")) {
            String[] atCost = call.split(":");
            now[0] = NOON.plusMillis(Long.parseLong(atCost[0]));
            answers.add(describe(join(limiter.acquire(sender, Integer.parseInt(atCost[1])))));
        }
        assertThat(String.join(" ", answers)).isEqualTo(expected.trim());
    }

    private static String describe(RateLimiter.Decision d) {
        if (d instanceof RateLimiter.Decision.Reserved r) {
            return new java.math.BigDecimal(r.delay().toNanos()).movePointLeft(6).stripTrailingZeros().toPlainString();
        }
        if (d instanceof RateLimiter.Decision.WaitFor w) {
            return "wait " + w.pause().toMillis();
        }
        return "0";
    }

    @Test
    void slotsArePerSender() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, 1.0, 1, Optional.of(() -> NOON), Duration.ZERO);
        String sender = "S-" + UUID.randomUUID();
        assertThat(join(limiter.acquire(sender, 1))).isInstanceOf(RateLimiter.Decision.Granted.class);
        assertThat(join(limiter.acquire(sender, 1))).isInstanceOf(RateLimiter.Decision.Reserved.class);
        assertThat(join(limiter.acquire("S-other-" + UUID.randomUUID(), 1)))
                .isInstanceOf(RateLimiter.Decision.Granted.class);
    }

    /** A sender that counts what it sends per dispatch; a crash is simulated around it by the test. */
    static final class CountingSender implements Sender {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<SendResult> send(OutboundMessage message) {
            sent.add(message.dispatchId());
            return CompletableFuture.completedFuture(new SendResult.Accepted("SM-" + message.dispatchId()));
        }
    }

    static DispatchPipeline pipeline(MutableClock clock, Sender sender) {
        return pipeline(store, org.kunnafoni.dispatch.RunPlans.NONE, clock, sender);
    }

    /** Everyone subscribed, no rate limit, quiet hours of Bamako on the test's clock, slots never waited for. */
    static DispatchPipeline pipeline(RedisDispatchStore store, org.kunnafoni.dispatch.RunPlans plans,
                                     MutableClock clock, Sender sender) {
        org.kunnafoni.dispatch.ConsentCheck everyone = new org.kunnafoni.dispatch.ConsentCheck() {
            @Override
            public CompletableFuture<Optional<Recipient>> recipient(String pseudonym) {
                return CompletableFuture.completedFuture(Optional.of(new Recipient(pseudonym, false, "+22376000001")));
            }

            @Override
            public CompletableFuture<Void> optOut(String pseudonym, String source, Instant at) {
                return CompletableFuture.completedFuture(null);
            }
        };
        RateLimiter unlimited = (s, c) -> CompletableFuture.completedFuture(new RateLimiter.Decision.Granted());
        return new DispatchPipeline(store, everyone, QuietHours.bamakoDefault(clock), unlimited,
                Map.of("twilio", sender), Backoff.standard(), new SplittableRandom(5), clock, Duration.ofMinutes(2),
                Duration.ofSeconds(30), plans, when -> CompletableFuture.completedFuture(null));
    }

    @Test
    void aCrashBetweenFanOutAndSendResendsNothingAlreadySent() throws Exception {
        MutableClock clock = new MutableClock(NOON);
        CountingSender sender = new CountingSender();
        DispatchPipeline pipeline = pipeline(clock, sender);
        try (RedisDispatchQueue queue = new RedisDispatchQueue(redis, Duration.ZERO)) {
            List<Dispatch> planned = List.of(newDispatch("R-C1"), newDispatch("R-C2"), newDispatch("R-C3"),
                    newDispatch("R-C4"));
            for (Dispatch d : planned) {
                join(queue.enqueue(d.id()));
            }
            // worker A takes all four, then dies: two recorded as sent, one claimed but not sent, one untouched
            List<DispatchQueue.Entry> taken = join(queue.take("worker-a", 10, Duration.ofMillis(100)));
            assertThat(taken).extracting(DispatchQueue.Entry::dispatchId)
                    .containsExactlyElementsOf(planned.stream().map(Dispatch::id).toList());
            join(pipeline.run(planned.get(0).id()));
            join(pipeline.run(planned.get(1).id()));
            join(store.claim(planned.get(2).id(), clock.instant(), Duration.ofMinutes(2)));
            assertThat(sender.sent).hasSize(2);

            // worker B takes over the abandoned entries
            DispatchWorker b = new DispatchWorker(queue, pipeline, "worker-b", 10, Duration.ofMillis(50), clock);
            // (the queue's take-over threshold is zero here: worker A is known dead)
            assertThat(b.runOnce()).isEqualTo(4);
            assertThat(sender.sent).hasSize(3);
            assertThat(sender.sent).doesNotHaveDuplicates();
            // the in-flight one waits for its lease, then goes out exactly once
            clock.advance(Duration.ofMinutes(2));
            b.runOnce();
            assertThat(sender.sent).containsExactlyInAnyOrderElementsOf(planned.stream().map(Dispatch::id).toList());
            for (Dispatch d : planned) {
                assertThat(join(store.find(d.id())).orElseThrow().state()).isEqualTo(DispatchState.ACCEPTED);
            }
            // nothing is left pending or due
            clock.advance(Duration.ofHours(1));
            assertThat(b.runOnce()).isZero();
            assertThat(sender.sent).hasSize(4);
        }
    }
}
