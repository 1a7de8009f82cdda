package org.kunnafoni.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The {@link DispatchStore} contract in memory (synchronized), the reference the Redis store is tested against. */
public final class InMemoryDispatchStore implements DispatchStore {
    private final Map<String, Dispatch> dispatches = new HashMap<>();
    private final Map<String, Instant> leases = new HashMap<>();
    private final Map<String, String> byProvider = new HashMap<>();

    @Override
    public synchronized CompletionStage<Boolean> create(Dispatch dispatch) {
        return done(dispatches.putIfAbsent(dispatch.id(), dispatch) == null);
    }

    @Override
    public synchronized CompletionStage<Optional<Dispatch>> find(String id) {
        return done(Optional.ofNullable(dispatches.get(id)));
    }

    @Override
    public synchronized CompletionStage<Dispatch> open(Dispatch planned) {
        return done(dispatches.computeIfAbsent(planned.id(), id -> planned));
    }

    @Override
    public synchronized CompletionStage<Boolean> stopIfWaiting(String id, DispatchState state, String reason,
                                                               Instant now) {
        Dispatch d = dispatches.get(id);
        if (d == null || !d.state().waiting()) {
            return done(false);
        }
        dispatches.put(id, with(d, state, d.attempts(), d.providerId(), Optional.of(reason), now));
        return done(true);
    }

    public synchronized Dispatch get(String id) {
        return dispatches.get(id);
    }

    @Override
    public synchronized CompletionStage<Claim> claim(String id, Instant now, Duration lease) {
        Dispatch d = dispatches.get(id);
        if (d == null) {
            return done(new Claim.Missing());
        }
        boolean reclaim = d.state() == DispatchState.SENDING;
        if (reclaim && leases.get(id).isAfter(now)) {
            return done(new Claim.Busy(leases.get(id)));
        }
        if (!reclaim && !d.state().waiting()) {
            return done(new Claim.Settled(d.state()));
        }
        Dispatch claimed = with(d, DispatchState.SENDING, d.attempts(), d.providerId(), d.lastError(), now);
        dispatches.put(id, claimed);
        leases.put(id, now.plus(lease));
        return done(new Claim.Claimed(claimed, reclaim));
    }

    @Override
    public synchronized CompletionStage<Boolean> reschedule(String id, DispatchState state, String reason,
                                                            OptionalInt attempts, Instant now) {
        Dispatch d = dispatches.get(id);
        if (d == null || d.state().rank() > DispatchState.SENDING.rank()) {
            return done(false);
        }
        dispatches.put(id, with(d, state, attempts.orElse(d.attempts()), d.providerId(), Optional.of(reason), now));
        return done(true);
    }

    @Override
    public synchronized CompletionStage<Change> advance(String id, StatusUpdate u) {
        Dispatch d = dispatches.get(id);
        if (d == null) {
            return done(Change.MISSING);
        }
        Optional<String> provider = d.providerId().or(u::providerId);
        provider.ifPresent(p -> byProvider.put(p, id));
        Optional<DispatchState> next = StatusOrder.advance(d.state(), u.state());
        if (next.isEmpty()) {
            dispatches.put(id, with(d, d.state(), d.attempts(), provider, d.lastError(), d.updatedAt()));
            return done(Change.IGNORED);
        }
        dispatches.put(id, with(d, next.get(), u.attempts().orElse(d.attempts()), provider,
                u.error().or(d::lastError), u.at()));
        return done(Change.ADVANCED);
    }

    @Override
    public synchronized CompletionStage<Optional<String>> findByProviderId(String providerId) {
        return done(Optional.ofNullable(byProvider.get(providerId)));
    }

    private static Dispatch with(Dispatch d, DispatchState state, int attempts, Optional<String> provider,
                                 Optional<String> error, Instant at) {
        return new Dispatch(d.id(), d.runId(), d.recipient(), d.region(), d.channel(), d.sender(), d.body(),
                d.segments(), state, attempts, provider, error, at, d.validUntil());
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
