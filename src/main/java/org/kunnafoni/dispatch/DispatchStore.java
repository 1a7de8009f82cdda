package org.kunnafoni.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Port to where dispatches are kept. Every state change is atomic in the store, so that several workers (and
 * several gateway instances) can race on one dispatch and at most one of them sends it.
 */
public interface DispatchStore {
    /** Stores a planned dispatch unless one with that id exists (a replayed fan-out); true when created. */
    CompletionStage<Boolean> create(Dispatch dispatch);

    /** {@link #create} for a fan-out page, in one round trip where the store can; answers per dispatch, in order. */
    default CompletionStage<List<Boolean>> createAll(List<Dispatch> all) {
        List<CompletableFuture<Boolean>> created = all.stream().map(d -> create(d).toCompletableFuture()).toList();
        return CompletableFuture.allOf(created.toArray(CompletableFuture[]::new))
                .thenApply(v -> created.stream().map(CompletableFuture::join).toList());
    }

    CompletionStage<Optional<Dispatch>> find(String id);

    /**
     * Creates {@code planned} unless a dispatch with its id exists, and answers the stored one either way (one
     * round trip). A worker taking a lazily planned recipient uses it; progress counters are not touched, the
     * fan-out counted the recipient when it queued it.
     */
    CompletionStage<Dispatch> open(Dispatch planned);

    /**
     * Ends a dispatch that has not been claimed for sending with a final {@code state} (canceled: its campaign was
     * canceled; expired: its validity ended); true when it was waiting. One already sending or with the provider
     * goes on.
     */
    CompletionStage<Boolean> stopIfWaiting(String id, DispatchState state, String reason, Instant now);

    /**
     * Takes the dispatch for one send: a waiting one becomes {@code sending} with a lease until {@code now + lease}.
     * One found {@code sending} with an expired lease is taken again (its worker died in flight).
     */
    CompletionStage<Claim> claim(String id, Instant now, Duration lease);

    /** Puts a dispatch that has not reached a provider back to a waiting state; false when it has. */
    CompletionStage<Boolean> reschedule(String id, DispatchState waitingState, String reason, OptionalInt attempts,
                                        Instant now);

    /**
     * Forward-only change (see {@link StatusOrder}); also records the provider id if none is known yet, so that
     * a status callback racing the send still links the provider message to the dispatch.
     */
    CompletionStage<Change> advance(String id, StatusUpdate update);

    /** The dispatch a provider message id belongs to. */
    CompletionStage<Optional<String>> findByProviderId(String providerId);

    sealed interface Claim {
        record Claimed(Dispatch dispatch, boolean reclaimed) implements Claim {
        }

        /** Another worker holds it until {@code leaseUntil}. */
        record Busy(Instant leaseUntil) implements Claim {
        }

        /** Already with a provider or finished: nothing to send. */
        record Settled(DispatchState state) implements Claim {
        }

        record Missing() implements Claim {
        }
    }

    record StatusUpdate(DispatchState state, Optional<String> providerId, Optional<String> error,
                        OptionalInt attempts, Instant at) {
        public static StatusUpdate of(DispatchState state, Instant at) {
            return new StatusUpdate(state, Optional.empty(), Optional.empty(), OptionalInt.empty(), at);
        }
    }

    enum Change { ADVANCED, IGNORED, MISSING }
}
