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

    @Test
    void rateLimitIsPerSenderAndCountsSegments() {
        RedisRateLimiter limiter = new RedisRateLimiter(redis, 1.0, 3);
        String sender = "S-" + UUID.randomUUID();
        assertThat(join(limiter.acquire(sender, 2))).isInstanceOf(RateLimiter.Decision.Granted.class);
        assertThat(join(limiter.acquire(sender, 1))).isInstanceOf(RateLimiter.Decision.Granted.class);
        RateLimiter.Decision third = join(limiter.acquire(sender, 2));
        assertThat(third).isInstanceOf(RateLimiter.Decision.WaitFor.class);
        assertThat(((RateLimiter.Decision.WaitFor) third).pause()).isBetween(Duration.ofMillis(1000),
                Duration.ofMillis(2000));
        assertThat(join(limiter.acquire("S-other-" + UUID.randomUUID(), 3)))
                .isInstanceOf(RateLimiter.Decision.Granted.class);
        // a message larger than the burst still goes out when the sender is idle
        assertThat(join(limiter.acquire("S-big-" + UUID.randomUUID(), 10)))
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
                Duration.ofSeconds(30));
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
