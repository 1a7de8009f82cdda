package org.kunnafoni.dispatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchPipelineTest {
    private static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");
    private static final String ADDRESS = "+22376000001";

    private final MutableClock clock = new MutableClock(NOON);
    private final InMemoryDispatchStore store = new InMemoryDispatchStore();
    private final PipelineFakes.Consent consent = new PipelineFakes.Consent().subscribe("R-ALICE", ADDRESS);
    private final PipelineFakes.Limiter limiter = new PipelineFakes.Limiter();
    private final PipelineFakes.ScriptedSender twilio = new PipelineFakes.ScriptedSender();
    private DispatchPipeline pipeline;

    @BeforeEach
    void setUp() {
        pipeline = new DispatchPipeline(store, consent, QuietHours.bamakoDefault(clock), limiter,
                Map.of("twilio", twilio), Backoff.standard(), new SplittableRandom(7), clock,
                Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    private Dispatch plan(String recipient, String body) {
        Dispatch d = Dispatch.planned("run-1", recipient, Optional.of("gao"), "twilio", "KUNNAFONI", body, clock.instant());
        store.create(d);
        return d;
    }

    private PipelineOutcome run(String id) {
        return pipeline.run(id).toCompletableFuture().join();
    }

    /** Runs the pipeline as the worker would, following each Later to its due time, until Done. */
    private PipelineOutcome.Done runToEnd(String id) {
        for (int i = 0; i < 20; i++) {
            PipelineOutcome outcome = run(id);
            if (outcome instanceof PipelineOutcome.Done done) {
                return done;
            }
            clock.set(((PipelineOutcome.Later) outcome).due());
        }
        throw new AssertionError("pipeline never finished " + id);
    }

    @Test
    void sendsOnceAndRecordsTheProviderId() {
        Dispatch d = plan("R-ALICE", "Protégeons les enfants : appelez le 116 en cas de danger.");
        assertThat(run(d.id())).isEqualTo(new PipelineOutcome.Done(d.id(), "accepted"));
        assertThat(twilio.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(ADDRESS);
            assertThat(m.sender()).isEqualTo("KUNNAFONI");
            assertThat(m.toString()).doesNotContain(ADDRESS).doesNotContain("116");
        });
        assertThat(store.get(d.id()).providerId()).contains("SM1");
        assertThat(store.get(d.id()).attempts()).isEqualTo(1);
        assertThat(limiter.acquired).containsExactly("KUNNAFONI:" + d.segments());
        assertThat(run(d.id())).isEqualTo(new PipelineOutcome.Done(d.id(), "accepted"));
        assertThat(twilio.sent).hasSize(1);
    }

    @Test
    void rateLimitCostIsTheSegmentCount() {
        Dispatch d = plan("R-ALICE", "Ɲɛnamaya: den bɛɛ ka kan ka lakana. ".repeat(4));
        assertThat(d.segments()).isGreaterThan(1);
        run(d.id());
        assertThat(limiter.acquired).containsExactly("KUNNAFONI:" + d.segments());
    }

    @Test
    void anOptedOutSubscriberNeverReceivesAnything() {
        consent.optedOut("R-BOB");
        Dispatch toBob = plan("R-BOB", "message");
        Dispatch toNobody = plan("R-UNKNOWN", "message");
        assertThat(runToEnd(toBob.id()).state()).isEqualTo("skipped_opted_out");
        assertThat(runToEnd(toNobody.id()).state()).isEqualTo("skipped_opted_out");
        assertThat(twilio.sent).isEmpty();
        assertThat(limiter.acquired).isEmpty();
    }

    @Test
    void anOptOutBetweenFanOutAndSendIsHonoured() {
        Dispatch d = plan("R-ALICE", "message");
        consent.optOut("R-ALICE", "keyword", clock.instant());
        assertThat(runToEnd(d.id()).state()).isEqualTo("skipped_opted_out");
        assertThat(twilio.sent).isEmpty();
    }

    static Stream<Arguments> quietHours() {
        return Stream.of(
                Arguments.of("2025-03-10T21:00:00Z", "2025-03-11T07:00:00Z"),
                Arguments.of("2025-03-10T23:59:00Z", "2025-03-11T07:00:00Z"),
                Arguments.of("2025-03-11T03:00:00Z", "2025-03-11T07:00:00Z"),
                Arguments.of("2025-03-11T06:59:59Z", "2025-03-11T07:00:00Z"));
    }

    @ParameterizedTest(name = "at {0} deferred until {1}")
    @MethodSource
    void quietHours(String now, String until) {
        clock.set(Instant.parse(now));
        Dispatch d = plan("R-ALICE", "message");
        PipelineOutcome outcome = run(d.id());
        assertThat(outcome).isEqualTo(new PipelineOutcome.Later(d.id(), Instant.parse(until), "quiet hours"));
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.DEFERRED);
        assertThat(twilio.sent).isEmpty();
        clock.set(Instant.parse(until));
        assertThat(run(d.id())).isEqualTo(new PipelineOutcome.Done(d.id(), "accepted"));
        assertThat(twilio.sent).hasSize(1);
    }

    @Test
    void rateLimitedDispatchesWaitWithoutSending() {
        Dispatch d = plan("R-ALICE", "message");
        limiter.waitOnce = Duration.ofMillis(750);
        assertThat(run(d.id())).isEqualTo(new PipelineOutcome.Later(d.id(), NOON.plusMillis(750), "rate limit"));
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.PLANNED);
        assertThat(twilio.sent).isEmpty();
    }

    private static SendResult retry() {
        return new SendResult.Failed(new SendError.Retry("http 429 error 20429"));
    }

    static Stream<Arguments> sendScripts() {
        SendResult permanent = new SendResult.Failed(SendErrors.classify(400, 21211));
        SendResult optedOut = new SendResult.Failed(SendErrors.classify(400, 21610));
        SendResult held = new SendResult.Held("twilio credentials missing");
        return Stream.of(
                Arguments.of(List.of(), "accepted", 1, 1, ""),
                Arguments.of(List.of(retry()), "accepted", 2, 2, "http 429"),
                Arguments.of(List.of(retry(), retry(), retry(), retry()), "accepted", 5, 5, "http 429"),
                Arguments.of(List.of(retry(), retry(), retry(), retry(), retry()), "failed", 5, 5,
                        "gave up after 5 attempts: http 429"),
                Arguments.of(List.of(permanent), "failed", 1, 1, "http 400 error 21211: invalid To number"),
                Arguments.of(List.of(retry(), permanent), "failed", 2, 2, "http 400 error 21211"),
                Arguments.of(List.of(optedOut), "skipped_opted_out", 1, 1, "http 400 error 21610"),
                Arguments.of(List.of(held, held), "accepted", 3, 1, "twilio credentials missing"));
    }

    @ParameterizedTest(name = "{index}: -> {1} after {2} sends")
    @MethodSource
    void sendScripts(List<SendResult> script, String finalState, int sends, int attempts, String error) {
        twilio.then(script.toArray(SendResult[]::new));
        Dispatch d = plan("R-ALICE", "message");
        assertThat(runToEnd(d.id()).state()).isEqualTo(finalState);
        assertThat(twilio.sent).hasSize(sends);
        Dispatch after = store.get(d.id());
        assertThat(after.attempts()).isEqualTo(attempts);
        assertThat(after.lastError().orElse("")).startsWith(error);
    }

    @Test
    void retriesBackOffExponentially() {
        twilio.then(retry(), retry(), retry());
        Dispatch d = plan("R-ALICE", "message");
        PipelineOutcome.Later first = (PipelineOutcome.Later) run(d.id());
        clock.set(first.due());
        PipelineOutcome.Later second = (PipelineOutcome.Later) run(d.id());
        clock.set(second.due());
        PipelineOutcome.Later third = (PipelineOutcome.Later) run(d.id());
        assertThat(Duration.between(NOON, first.due()).toMillis()).isBetween(90L, 110L);
        assertThat(Duration.between(first.due(), second.due()).toMillis()).isBetween(180L, 220L);
        assertThat(Duration.between(second.due(), third.due()).toMillis()).isBetween(360L, 440L);
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.RETRYING);
    }

    @Test
    void providerOptOutIsRecordedAndLaterDispatchesSkipped() {
        twilio.then(new SendResult.Failed(SendErrors.classify(400, 21610)));
        Dispatch first = plan("R-ALICE", "first");
        runToEnd(first.id());
        assertThat(consent.optOuts).singleElement().asString().startsWith("R-ALICE provider:http 400 error 21610");
        Dispatch second = Dispatch.planned("run-2", "R-ALICE", Optional.empty(), "twilio", "KUNNAFONI", "second", NOON);
        store.create(second);
        assertThat(runToEnd(second.id()).state()).isEqualTo("skipped_opted_out");
        assertThat(twilio.sent).hasSize(1);
    }

    @Test
    void aDispatchAnotherWorkerHoldsWaitsForItsLeaseThenIsReclaimed() {
        Dispatch d = plan("R-ALICE", "message");
        store.claim(d.id(), NOON, Duration.ofMinutes(2));  // a worker took it, then died before sending
        assertThat(run(d.id())).isEqualTo(new PipelineOutcome.Later(d.id(), NOON.plus(Duration.ofMinutes(2)),
                "claimed by another worker"));
        assertThat(twilio.sent).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(run(d.id())).isEqualTo(new PipelineOutcome.Done(d.id(), "accepted"));
        assertThat(twilio.sent).hasSize(1);
    }

    @Test
    void aStatusCallbackDuringTheSendKeepsTheLaterState() {
        Dispatch d = plan("R-ALICE", "message");
        Sender racing = message -> {
            store.advance(message.dispatchId(), DispatchStore.StatusUpdate.of(DispatchState.DELIVERED, NOON));
            return java.util.concurrent.CompletableFuture.completedFuture(new SendResult.Accepted("SMrace"));
        };
        DispatchPipeline withRace = new DispatchPipeline(store, consent, QuietHours.bamakoDefault(clock), limiter,
                Map.of("twilio", racing), Backoff.standard(), new SplittableRandom(1), clock, Duration.ofMinutes(2),
                Duration.ofSeconds(30));
        withRace.run(d.id()).toCompletableFuture().join();
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.DELIVERED);
        assertThat(store.get(d.id()).providerId()).contains("SMrace");
    }

    @Test
    void aChannelWithoutSenderFails() {
        Dispatch d = Dispatch.planned("run-1", "R-ALICE", Optional.empty(), "carrier-pigeon", "X", "m", NOON);
        store.create(d);
        assertThat(runToEnd(d.id()).state()).isEqualTo("failed");
    }
}
