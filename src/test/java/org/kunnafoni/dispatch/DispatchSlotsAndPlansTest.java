package org.kunnafoni.dispatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Reserved send slots, dispatches created from a run's plan when a worker takes them, and campaign validity. */
class DispatchSlotsAndPlansTest {
    private static final Instant NOON = Instant.parse("2025-03-10T12:00:00Z");
    private static final String RUN = "C-000000000abc-1741608000";

    private final MutableClock clock = new MutableClock(NOON);
    private final InMemoryDispatchStore store = new InMemoryDispatchStore();
    private final PipelineFakes.Consent consent = new PipelineFakes.Consent().subscribe("R-ALICE", "+22376000001");
    private final PipelineFakes.Limiter limiter = new PipelineFakes.Limiter();
    private final PipelineFakes.ScriptedSender twilio = new PipelineFakes.ScriptedSender();
    private final PipelineFakes.Plans plans = new PipelineFakes.Plans();
    /** How late the timer fires (a starved machine). */
    private Duration timerLate = Duration.ZERO;
    /** What the dispatch looked like each time the pipeline waited for a slot, and until when. */
    private final List<String> waits = new ArrayList<>();
    /** Runs during the first wait (something that happens while the message waits for its slot). */
    private Runnable meanwhile = () -> { };
    private DispatchPipeline pipeline;

    @BeforeEach
    void setUp() {
        SlotTimer timer = when -> {
            waits.add(when + " " + store.get(Dispatch.idFor(RUN, "R-ALICE")).state().id());
            meanwhile.run();
            meanwhile = () -> { };
            clock.set(when.plus(timerLate));
            return CompletableFuture.completedFuture(null);
        };
        pipeline = new DispatchPipeline(store, consent, QuietHours.bamakoDefault(clock), limiter,
                Map.of("twilio", twilio), Backoff.standard(), new SplittableRandom(7), clock, Duration.ofMinutes(2),
                Duration.ofSeconds(30), plans, timer);
    }

    private void plan(Optional<Instant> validUntil) {
        plans.save(new RunPlan(RUN, "twilio", "KUNNAFONI", Map.of("fra", "Protégeons les enfants.", "bam", "Den"),
                validUntil));
    }

    private PipelineOutcome take(String recipient) {
        DispatchQueue.Entry entry = DispatchQueue.Entry.planned("1-0", new PlannedRecipient(RUN, recipient, "gao", "fra"));
        return pipeline.run(entry).toCompletableFuture().join();
    }

    @Test
    void aPlannedRecipientBecomesOneDispatchFromTheRunsPlan() {
        plan(Optional.of(NOON.plusSeconds(3600)));
        String id = Dispatch.idFor(RUN, "R-ALICE");
        assertThat(take("R-ALICE")).isEqualTo(new PipelineOutcome.Done(id, "accepted"));
        assertThat(take("R-ALICE")).as("queued twice, sent once").isEqualTo(new PipelineOutcome.Done(id, "accepted"));
        assertThat(twilio.sent).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Protégeons les enfants.");
            assertThat(m.region()).contains("gao");
        });
        assertThat(store.get(id).validUntil()).contains(NOON.plusSeconds(3600));
    }

    @Test
    void aRecipientOfACanceledRunIsCanceledWithoutSending() {
        plan(Optional.empty());
        plans.stop(RUN);
        assertThat(take("R-ALICE").toString()).contains("canceled");
        assertThat(store.get(Dispatch.idFor(RUN, "R-ALICE")).state()).isEqualTo(DispatchState.CANCELED);
        assertThat(twilio.sent).isEmpty();
        assertThat(limiter.acquired).as("no slot taken").isEmpty();
    }

    @Test
    void aRunWithoutPlanSendsNothing() {
        assertThat(take("R-ALICE").toString()).contains("missing");
        assertThat(twilio.sent).isEmpty();
    }

    @Test
    void aReservedSlotIsClaimedFirstThenSentAtItsTime() {
        plan(Optional.empty());
        limiter.reservations.add(Duration.ofMillis(250));
        take("R-ALICE");
        assertThat(waits).containsExactly(NOON.plusMillis(250) + " sending");
        assertThat(twilio.sent).hasSize(1);
        assertThat(store.get(Dispatch.idFor(RUN, "R-ALICE")).updatedAt()).as("recorded after the slot")
                .isEqualTo(NOON.plusMillis(250));
    }

    @Test
    void aFarSlotGetsConsentAndTheCampaignLookedAtAgainJustBeforeIt() {
        plan(Optional.empty());
        limiter.reservations.add(Duration.ofSeconds(8));
        take("R-ALICE");
        assertThat(waits).containsExactly(
                NOON.plusSeconds(8).minus(DispatchPipeline.RECHECK_LEAD) + " sending",
                NOON.plusSeconds(8) + " sending");
        assertThat(twilio.sent).hasSize(1);
    }

    @ParameterizedTest(name = "{0} while the message waits for its slot: {1}, nothing sent")
    @CsvSource({
            "the recipient texts STOP, skipped_opted_out, recipient opted out",
            "the campaign is canceled, canceled, campaign canceled",
    })
    void whatHappensWhileTheMessageWaitsForItsSlotIsHonoured(String event, String state, String reason) {
        plan(Optional.empty());
        limiter.reservations.add(Duration.ofSeconds(8));
        meanwhile = event.contains("STOP") ? () -> consent.optOut("R-ALICE", "sms:STOP", NOON)
                : () -> plans.stop(RUN);
        String id = Dispatch.idFor(RUN, "R-ALICE");
        assertThat(take("R-ALICE")).isEqualTo(new PipelineOutcome.Done(id, state));
        assertThat(twilio.sent).isEmpty();
        assertThat(waits).as("the slot itself is never waited for").hasSize(1);
        assertThat(store.get(id).state().id()).isEqualTo(state);
        assertThat(store.get(id).lastError()).hasValueSatisfying(e -> assertThat(e).startsWith(reason));
    }

    @Test
    void aSlotUnderASecondAheadIsNotLookedAtAgain() {
        plan(Optional.empty());
        limiter.reservations.add(DispatchPipeline.RECHECK_IF_AHEAD.minusMillis(1));
        meanwhile = () -> consent.optOut("R-ALICE", "sms:STOP", NOON);
        take("R-ALICE");
        assertThat(waits).hasSize(1);
        assertThat(twilio.sent).as("checked a moment ago, when the slot was reserved").hasSize(1);
    }

    @Test
    void aSlotReachedLateIsGivenUpAndTheDispatchQueuedForANewOne() {
        plan(Optional.empty());
        limiter.reservations.add(Duration.ofMillis(250));
        Duration tolerance = new SendSlot(NOON, RateLimiter.DEFAULT_SLACK).tolerance();
        timerLate = tolerance.plusMillis(1);
        PipelineOutcome outcome = take("R-ALICE");
        assertThat(outcome).isEqualTo(new PipelineOutcome.Later(Dispatch.idFor(RUN, "R-ALICE"),
                NOON.plusMillis(250).plus(timerLate), "send slot missed"));
        assertThat(store.get(Dispatch.idFor(RUN, "R-ALICE")).state()).isEqualTo(DispatchState.PLANNED);
        assertThat(twilio.sent).isEmpty();
        assertThat(pipeline.slotsGivenUp()).isEqualTo(1);
        timerLate = tolerance;
        limiter.reservations.add(Duration.ofMillis(100));
        assertThat(pipeline.run(Dispatch.idFor(RUN, "R-ALICE")).toCompletableFuture().join().toString())
                .as("within the tolerance it goes").contains("accepted");
    }

    @Test
    void aGivenUpSlotPutsTheDispatchBackInTheStateItWaitedIn() {
        plan(Optional.empty());
        String id = Dispatch.idFor(RUN, "R-ALICE");
        limiter.reservations.add(Duration.ofMillis(250));
        timerLate = new SendSlot(NOON, RateLimiter.DEFAULT_SLACK).tolerance().plusMillis(1);
        take("R-ALICE");
        store.reschedule(id, DispatchState.RETRYING, "twilio 503", OptionalInt.of(1), clock.instant())
                .toCompletableFuture().join();
        limiter.reservations.add(Duration.ofMillis(100));
        pipeline.run(id).toCompletableFuture().join();
        assertThat(store.get(id).state()).as("still a retry, not counted as planned again")
                .isEqualTo(DispatchState.RETRYING);
        assertThat(twilio.sent).isEmpty();
    }

    @Test
    void aSlotThatIsRefusedLeavesTheDispatchWaiting() {
        plan(Optional.empty());
        limiter.waitOnce = Duration.ofSeconds(5);
        assertThat(take("R-ALICE")).isInstanceOf(PipelineOutcome.Later.class);
        assertThat(store.get(Dispatch.idFor(RUN, "R-ALICE")).state()).isEqualTo(DispatchState.PLANNED);
        assertThat(twilio.sent).isEmpty();
    }

    /** Times are UTC = Bamako; quiet hours 21:00–07:00. */
    @ParameterizedTest(name = "at {0}, valid until {1}, slot +{2} ms → {3}")
    @CsvSource({
            "2025-03-10T12:00:00Z, 2025-03-10T13:00:00Z, 0,    accepted",
            "2025-03-10T13:00:00Z, 2025-03-10T13:00:00Z, 0,    expired",
            "2025-03-10T12:59:59Z, 2025-03-10T13:00:00Z, 500,  accepted",
            "2025-03-10T12:59:59Z, 2025-03-10T13:00:00Z, 1000, expired",
            // deferred by quiet hours only while the validity outlasts them
            "2025-03-10T22:00:00Z, 2025-03-11T08:00:00Z, 0,    deferred",
            "2025-03-10T22:00:00Z, 2025-03-11T07:00:00Z, 0,    expired",
    })
    void validity(Instant now, Instant validUntil, long slotMillis, String state) {
        clock.set(now);
        plan(Optional.of(validUntil));
        if (slotMillis > 0) {
            limiter.reservations.add(Duration.ofMillis(slotMillis));
        }
        take("R-ALICE");
        assertThat(store.get(Dispatch.idFor(RUN, "R-ALICE")).state().id()).isEqualTo(state);
        assertThat(twilio.sent).hasSize(state.equals("accepted") ? 1 : 0);
    }

    @Test
    void aDeferredDispatchExpiresWhenItComesBackAfterItsValidity() {
        clock.set(Instant.parse("2025-03-10T22:00:00Z"));
        plan(Optional.of(Instant.parse("2025-03-11T08:00:00Z")));
        PipelineOutcome.Later later = (PipelineOutcome.Later) take("R-ALICE");
        clock.set(Instant.parse("2025-03-11T09:00:00Z"));
        assertThat(pipeline.run(later.dispatchId()).toCompletableFuture().join())
                .isEqualTo(new PipelineOutcome.Done(later.dispatchId(), "expired"));
        assertThat(twilio.sent).isEmpty();
    }
}
