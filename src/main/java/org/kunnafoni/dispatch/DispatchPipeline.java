package org.kunnafoni.dispatch;

import org.kunnafoni.dispatch.DispatchStore.Claim;
import org.kunnafoni.dispatch.DispatchStore.StatusUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * One pass over one dispatch: (create it from its run's plan) → validity → mute (consent) → quiet hours → reserve
 * a send slot → claim → wait for the slot → send → record. Consent and quiet hours are checked at send time
 * because a dispatch can wait for hours after fan-out. The claim is the atomic step that makes a dispatch
 * recorded as sent impossible to send again.
 *
 * <p>In-flight window: a worker that dies after the provider accepted a message but before {@link
 * DispatchStore#advance} recorded it leaves the dispatch {@code sending}; when its lease expires it is claimed
 * and sent again (at least once). The window is one provider call long, and a status callback that arrives in
 * the meantime (it carries the dispatch id) moves the dispatch past {@code sending} and closes it.
 */
public final class DispatchPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchPipeline.class);

    /**
     * An unanswered send (the provider may have accepted it) is retried no sooner than this, so the status callback
     * of a message the provider did accept (it names the dispatch) settles it first and no duplicate goes out.
     */
    static final Duration UNANSWERED_PAUSE = Duration.ofMinutes(1);
    /** A slot at least this far ahead gets consent and its campaign looked at again shortly before it. */
    static final Duration RECHECK_IF_AHEAD = Duration.ofSeconds(1);
    /** How long before its slot that second look is taken: room for two Redis reads, so the slot is still kept. */
    static final Duration RECHECK_LEAD = Duration.ofMillis(250);

    private final DispatchStore store;
    private final ConsentCheck consent;
    private final QuietHours quietHours;
    private final RateLimiter limiter;
    private final Map<String, Sender> senders;
    private final Backoff backoff;
    private final RandomGenerator random;
    private final InstantSource clock;
    private final Duration lease;
    private final Duration heldRecheck;
    private final RunPlans plans;
    private final SlotTimer timer;
    private final LongAdder slotsGivenUp = new LongAdder();
    private final LongAdder unanswered = new LongAdder();

    public DispatchPipeline(DispatchStore store, ConsentCheck consent, QuietHours quietHours, RateLimiter limiter,
                            Map<String, Sender> sendersByChannel, Backoff backoff, RandomGenerator random,
                            InstantSource clock, Duration lease, Duration heldRecheck) {
        this(store, consent, quietHours, limiter, sendersByChannel, backoff, random, clock, lease, heldRecheck,
                RunPlans.NONE, SlotTimer.system(clock));
    }

    /**
     * @param plans what lazily planned campaign recipients are created from
     * @param timer waits until a reserved send slot
     */
    public DispatchPipeline(DispatchStore store, ConsentCheck consent, QuietHours quietHours, RateLimiter limiter,
                            Map<String, Sender> sendersByChannel, Backoff backoff, RandomGenerator random,
                            InstantSource clock, Duration lease, Duration heldRecheck, RunPlans plans,
                            SlotTimer timer) {
        this.store = store;
        this.consent = consent;
        this.quietHours = quietHours;
        this.limiter = limiter;
        this.senders = Map.copyOf(sendersByChannel);
        this.backoff = backoff;
        this.random = random;
        this.clock = clock;
        this.lease = lease;
        this.heldRecheck = heldRecheck;
        this.plans = plans;
        this.timer = timer;
    }

    /** One queue entry: a dispatch by id, or a campaign recipient whose dispatch is created here first. */
    public CompletionStage<PipelineOutcome> run(DispatchQueue.Entry entry) {
        return entry.planned().map(this::admit).orElseGet(() -> run(entry.dispatchId()));
    }

    public CompletionStage<PipelineOutcome> run(String dispatchId) {
        return store.find(dispatchId).thenCompose(found -> found.isEmpty() ? done(dispatchId, "missing")
                : proceed(found.get()));
    }

    /**
     * Creates the recipient's dispatch from its run's plan (or finds the one a duplicate entry created), then
     * checks the run was not stopped. Created before the check: a cancel that lands after the check then finds the
     * dispatch in the run and cancels it itself, so no order of the two lets a canceled run send.
     */
    private CompletionStage<PipelineOutcome> admit(PlannedRecipient r) {
        return plans.find(r.runId()).thenCompose(plan -> {
            Optional<Dispatch> planned = plan.flatMap(p -> p.dispatchFor(r, clock.instant()));
            if (planned.isEmpty()) {
                LOG.warn("run {} has no plan for language {}: entry dropped", r.runId(), r.language());
                return done(r.dispatchId(), "missing");
            }
            return store.open(planned.get()).thenCompose(d -> plans.stopped(r.runId()).thenCompose(stopped ->
                    stopped && d.state().waiting() ? stop(d, DispatchState.CANCELED, "campaign canceled")
                            : proceed(d)));
        });
    }

    private CompletionStage<PipelineOutcome> proceed(Dispatch dispatch) {
        if (!dispatch.state().waiting() && dispatch.state() != DispatchState.SENDING) {
            return done(dispatch.id(), dispatch.state().id());
        }
        if (dispatch.state().waiting() && dispatch.expiredAt(clock.instant())) {
            return stop(dispatch, DispatchState.EXPIRED, "campaign validity ended");
        }
        return consent.recipient(dispatch.recipient()).thenCompose(r -> afterConsent(dispatch, r));
    }

    private CompletionStage<PipelineOutcome> stop(Dispatch d, DispatchState state, String reason) {
        return store.stopIfWaiting(d.id(), state, reason, clock.instant())
                .thenApply(stopped -> new PipelineOutcome.Done(d.id(), stopped ? state.id() : d.state().id()));
    }

    private CompletionStage<PipelineOutcome> afterConsent(Dispatch dispatch, Optional<Recipient> recipient) {
        if (recipient.isEmpty() || recipient.get().optedOut()) {
            return finish(dispatch.id(), DispatchState.SKIPPED_OPTED_OUT, Optional.of("recipient not subscribed"),
                    OptionalInt.empty());
        }
        if (!recipient.get().anyHour()
                && quietHours.check(dispatch.region()) instanceof QuietHours.Decision.DeferUntil defer) {
            if (dispatch.expiredAt(defer.until())) {
                return stop(dispatch, DispatchState.EXPIRED, "campaign validity ends during quiet hours");
            }
            return store.reschedule(dispatch.id(), DispatchState.DEFERRED, "quiet hours", OptionalInt.empty(),
                    clock.instant()).thenApply(ok -> later(dispatch.id(), defer.until(), "quiet hours"));
        }
        Sender sender = senders.get(dispatch.channel());
        if (sender == null) {
            return finish(dispatch.id(), DispatchState.FAILED, Optional.of("no sender for channel " + dispatch.channel()),
                    OptionalInt.empty());
        }
        return limiter.acquire(dispatch.sender(), dispatch.segments()).thenCompose(decision -> {
            // the delay counts from when Redis ran the script; counting it from the answer's arrival (later by
            // the trip back) can only make the send later, never earlier than its slot
            Instant answered = clock.instant();
            if (decision instanceof RateLimiter.Decision.WaitFor waitFor) {
                return CompletableFuture.completedFuture(
                        later(dispatch.id(), answered.plus(waitFor.pause()), "rate limit"));
            }
            Optional<SendSlot> slot = decision instanceof RateLimiter.Decision.Reserved reserved
                    ? Optional.of(new SendSlot(answered.plus(reserved.delay()), reserved.slack())) : Optional.empty();
            if (dispatch.expiredAt(slot.map(SendSlot::at).orElse(answered))) {
                // the reserved slot simply passes unused
                return stop(dispatch, DispatchState.EXPIRED, "campaign validity ended before its send slot");
            }
            return claimAndSend(dispatch, recipient.get(), sender, slot);
        });
    }

    /**
     * Claims before waiting for the slot, so the variable part (a Redis round trip that may wait for an fsync)
     * is over when the slot comes and only the provider call follows it: arrivals at the provider are then as
     * evenly spaced as the slots. The lease covers the wait. A dispatch that reaches its slot too late to keep the
     * rate ceiling ({@link SendSlot#verdict}) gives the slot up and goes back to the queue for a new one.
     */
    private CompletionStage<PipelineOutcome> claimAndSend(Dispatch dispatch, Recipient recipient, Sender sender,
                                                          Optional<SendSlot> slot) {
        String id = dispatch.id();
        Instant now = clock.instant();
        Duration wait = slot.map(s -> Duration.between(now, s.at())).filter(w -> !w.isNegative())
                .orElse(Duration.ZERO);
        return store.claim(id, now, lease.plus(wait)).thenCompose(claim -> {
            if (claim instanceof Claim.Claimed claimed) {
                if (claimed.reclaimed()) {
                    LOG.warn("dispatch {} was left sending by a stopped worker; sending it again", id);
                }
                return send(claimed.dispatch(), recipient, sender, slot, dispatch.state());
            }
            if (claim instanceof Claim.Busy busy) {
                return CompletableFuture.completedFuture(later(id, busy.leaseUntil(), "claimed by another worker"));
            }
            return done(id, claim instanceof Claim.Settled settled ? settled.state().id() : "missing");
        });
    }

    /** Slots given up because they were reached too late (a starved machine, not a fault of the pacing). */
    public long slotsGivenUp() {
        return slotsGivenUp.sum();
    }

    /** Sends that got no answer and may have reached the provider: each retry of one may be a duplicate. */
    public long unansweredSends() {
        return unanswered.sum();
    }

    /** {@code before}: the state the dispatch had before this worker claimed it, to go back to. */
    private CompletionStage<PipelineOutcome> giveUpSlot(Dispatch d, Duration late, DispatchState before) {
        slotsGivenUp.increment();
        LOG.debug("dispatch {} reached its send slot {} ms late: slot given up", d.id(), late.toMillis());
        DispatchState back = before.waiting() ? before : DispatchState.PLANNED;
        Instant now = clock.instant();
        return store.reschedule(d.id(), back, "send slot missed", OptionalInt.empty(), now)
                .thenApply(ok -> later(d.id(), now, "send slot missed"));
    }

    /**
     * Consent and the campaign were checked before the slot was reserved, up to half a minute ago. For a slot that
     * far ahead they are looked at again shortly before it: an opt-out takes effect at once, and a cancel stops
     * what it can, also for a dispatch already waiting for its slot. Nothing is sent then; the slot passes unused.
     */
    private CompletionStage<PipelineOutcome> send(Dispatch d, Recipient recipient, Sender sender,
                                                  Optional<SendSlot> slot, DispatchState before) {
        if (slot.isEmpty() || Duration.between(clock.instant(), slot.get().at()).compareTo(RECHECK_IF_AHEAD) < 0) {
            return sendNow(d, recipient, sender, slot, before);
        }
        return timer.at(slot.get().at().minus(RECHECK_LEAD))
                .thenCompose(v -> stoppedWhileWaiting(d))
                .thenCompose(stopped -> stopped.isEmpty() ? sendNow(d, recipient, sender, slot, before)
                        : finish(d.id(), stopped.get(), Optional.of(stopped.get() == DispatchState.CANCELED
                                ? "campaign canceled while the message waited for its send slot"
                                : "recipient opted out while the message waited for its send slot"),
                                OptionalInt.empty()));
    }

    /** Empty while the dispatch may still go; else how it ends (its recipient opted out, its campaign was canceled). */
    private CompletionStage<Optional<DispatchState>> stoppedWhileWaiting(Dispatch d) {
        return consent.recipient(d.recipient()).thenCompose(r -> r.isEmpty() || r.get().optedOut()
                ? CompletableFuture.completedFuture(Optional.of(DispatchState.SKIPPED_OPTED_OUT))
                : plans.stopped(d.runId()).thenApply(canceled -> canceled ? Optional.of(DispatchState.CANCELED)
                        : Optional.<DispatchState>empty()));
    }

    private CompletionStage<PipelineOutcome> sendNow(Dispatch d, Recipient recipient, Sender sender,
                                                     Optional<SendSlot> slot, DispatchState before) {
        OutboundMessage message = new OutboundMessage(d.id(), d.channel(), recipient.address(), d.sender(), d.body(),
                d.segments(), d.region());
        CompletionStage<SendResult> result = slot.isEmpty() ? call(() -> sender.send(message))
                : sender instanceof SlotWaitingSender waiting ? call(() -> waiting.sendAt(message, slot.get()))
                : onTimer(sender, message, slot.get());
        return result.exceptionally(DispatchPipeline::unexpected).thenCompose(r -> r instanceof SendResult.SlotMissed
                missed ? giveUpSlot(d, missed.late(), before) : record(d, r));
    }

    /** For senders that do not block (relay): wait on the timer thread, check the slot, then send. */
    private CompletionStage<SendResult> onTimer(Sender sender, OutboundMessage message, SendSlot slot) {
        return timer.at(slot.at()).thenCompose(v -> slot.verdict(clock.instant()) instanceof SendSlot.Verdict.GiveUp
                giveUp ? CompletableFuture.completedFuture(new SendResult.SlotMissed(giveUp.late()))
                : call(() -> sender.send(message)));
    }

    private static CompletionStage<SendResult> call(java.util.function.Supplier<CompletionStage<SendResult>> send) {
        try {
            return send.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static SendResult unexpected(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new SendResult.Failed(new SendError.Retry("sender error: " + cause.getClass().getSimpleName()));
    }

    private CompletionStage<PipelineOutcome> record(Dispatch d, SendResult result) {
        int attempts = d.attempts() + 1;
        Instant now = clock.instant();
        if (result instanceof SendResult.Accepted accepted) {
            return store.advance(d.id(), new StatusUpdate(DispatchState.ACCEPTED, Optional.of(accepted.providerId()),
                            Optional.empty(), OptionalInt.of(attempts), now))
                    .thenApply(change -> new PipelineOutcome.Done(d.id(), DispatchState.ACCEPTED.id()));
        }
        if (result instanceof SendResult.Held held) {
            return store.reschedule(d.id(), DispatchState.HELD, held.reason(), OptionalInt.empty(), now)
                    .thenApply(ok -> later(d.id(), now.plus(heldRecheck), held.reason()));
        }
        return recordFailure(d, ((SendResult.Failed) result).error(), attempts, now);
    }

    private CompletionStage<PipelineOutcome> recordFailure(Dispatch d, SendError error, int attempts, Instant now) {
        if (error instanceof SendError.OptedOut optedOut) {
            return consent.optOut(d.recipient(), "provider:" + optedOut.reason(), now)
                    .thenCompose(v -> finish(d.id(), DispatchState.SKIPPED_OPTED_OUT, Optional.of(optedOut.reason()),
                            OptionalInt.of(attempts)));
        }
        if (error instanceof SendError.Permanent permanent) {
            return finish(d.id(), DispatchState.FAILED, Optional.of(permanent.reason()), OptionalInt.of(attempts));
        }
        if (error instanceof SendError.Unanswered) {
            unanswered.increment();
        }
        Optional<Duration> pause = backoff.after(attempts, random)
                .map(p -> error instanceof SendError.Unanswered ? atLeastUnansweredPause(p) : p);
        if (pause.isEmpty()) {
            return finish(d.id(), DispatchState.FAILED,
                    Optional.of("gave up after " + attempts + " attempts: " + error.reason()), OptionalInt.of(attempts));
        }
        return store.reschedule(d.id(), DispatchState.RETRYING, error.reason(), OptionalInt.of(attempts), now)
                .thenApply(ok -> later(d.id(), now.plus(pause.get()), "retry: " + error.reason()));
    }

    private static Duration atLeastUnansweredPause(Duration pause) {
        return pause.compareTo(UNANSWERED_PAUSE) < 0 ? UNANSWERED_PAUSE : pause;
    }

    private CompletionStage<PipelineOutcome> finish(String id, DispatchState state, Optional<String> error,
                                                    OptionalInt attempts) {
        return store.advance(id, new StatusUpdate(state, Optional.empty(), error, attempts, clock.instant()))
                .thenApply(change -> new PipelineOutcome.Done(id, state.id()));
    }

    private static CompletionStage<PipelineOutcome> done(String id, String state) {
        return CompletableFuture.completedFuture(new PipelineOutcome.Done(id, state));
    }

    private static PipelineOutcome later(String id, Instant due, String why) {
        return new PipelineOutcome.Later(id, due, why);
    }
}
