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
import java.util.random.RandomGenerator;

/**
 * One pass over one dispatch: mute (consent) → quiet hours → rate limit → claim → send → record. Consent and
 * quiet hours are checked at send time because a dispatch can wait for hours after fan-out. The claim is the
 * atomic step that makes a dispatch recorded as sent impossible to send again.
 *
 * <p>In-flight window: a worker that dies after the provider accepted a message but before {@link
 * DispatchStore#advance} recorded it leaves the dispatch {@code sending}; when its lease expires it is claimed
 * and sent again (at least once). The window is one provider call long, and a status callback that arrives in
 * the meantime (it carries the dispatch id) moves the dispatch past {@code sending} and closes it.
 */
public final class DispatchPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchPipeline.class);

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

    public DispatchPipeline(DispatchStore store, ConsentCheck consent, QuietHours quietHours, RateLimiter limiter,
                            Map<String, Sender> sendersByChannel, Backoff backoff, RandomGenerator random,
                            InstantSource clock, Duration lease, Duration heldRecheck) {
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
    }

    public CompletionStage<PipelineOutcome> run(String dispatchId) {
        return store.find(dispatchId).thenCompose(found -> {
            if (found.isEmpty()) {
                return done(dispatchId, "missing");
            }
            Dispatch dispatch = found.get();
            if (!dispatch.state().waiting() && dispatch.state() != DispatchState.SENDING) {
                return done(dispatchId, dispatch.state().id());
            }
            return consent.recipient(dispatch.recipient()).thenCompose(r -> afterConsent(dispatch, r));
        });
    }

    private CompletionStage<PipelineOutcome> afterConsent(Dispatch dispatch, Optional<Recipient> recipient) {
        if (recipient.isEmpty() || recipient.get().optedOut()) {
            return finish(dispatch.id(), DispatchState.SKIPPED_OPTED_OUT, Optional.of("recipient not subscribed"),
                    OptionalInt.empty());
        }
        if (!recipient.get().anyHour()
                && quietHours.check(dispatch.region()) instanceof QuietHours.Decision.DeferUntil defer) {
            return store.reschedule(dispatch.id(), DispatchState.DEFERRED, "quiet hours", OptionalInt.empty(),
                    clock.instant()).thenApply(ok -> later(dispatch.id(), defer.until(), "quiet hours"));
        }
        Sender sender = senders.get(dispatch.channel());
        if (sender == null) {
            return finish(dispatch.id(), DispatchState.FAILED, Optional.of("no sender for channel " + dispatch.channel()),
                    OptionalInt.empty());
        }
        return limiter.acquire(dispatch.sender(), dispatch.segments()).thenCompose(decision -> {
            if (decision instanceof RateLimiter.Decision.WaitFor waitFor) {
                return CompletableFuture.completedFuture(
                        later(dispatch.id(), clock.instant().plus(waitFor.pause()), "rate limit"));
            }
            return claimAndSend(dispatch.id(), recipient.get(), sender);
        });
    }

    private CompletionStage<PipelineOutcome> claimAndSend(String id, Recipient recipient, Sender sender) {
        return store.claim(id, clock.instant(), lease).thenCompose(claim -> {
            if (claim instanceof Claim.Claimed claimed) {
                if (claimed.reclaimed()) {
                    LOG.warn("dispatch {} was left sending by a stopped worker; sending it again", id);
                }
                return send(claimed.dispatch(), recipient, sender);
            }
            if (claim instanceof Claim.Busy busy) {
                return CompletableFuture.completedFuture(later(id, busy.leaseUntil(), "claimed by another worker"));
            }
            return done(id, claim instanceof Claim.Settled settled ? settled.state().id() : "missing");
        });
    }

    private CompletionStage<PipelineOutcome> send(Dispatch d, Recipient recipient, Sender sender) {
        OutboundMessage message = new OutboundMessage(d.id(), d.channel(), recipient.address(), d.sender(), d.body(),
                d.segments(), d.region());
        CompletionStage<SendResult> result;
        try {
            result = sender.send(message);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.exceptionally(DispatchPipeline::unexpected).thenCompose(r -> record(d, r));
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
        Optional<Duration> pause = backoff.after(attempts, random);
        if (pause.isEmpty()) {
            return finish(d.id(), DispatchState.FAILED,
                    Optional.of("gave up after " + attempts + " attempts: " + error.reason()), OptionalInt.of(attempts));
        }
        return store.reschedule(d.id(), DispatchState.RETRYING, error.reason(), OptionalInt.of(attempts), now)
                .thenApply(ok -> later(d.id(), now.plus(pause.get()), "retry: " + error.reason()));
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
