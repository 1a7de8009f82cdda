package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchProgress;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.dispatch.DispatchStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Dispatches as Redis hashes; every state change is one Lua script on the dispatch's own key. The scripts answer
 * the state they moved from, so the run's progress counters (another slot) follow each change.
 */
public final class RedisDispatchStore implements DispatchStore {
    private static final RedisScript CREATE = RedisScript.load("dispatch_create.lua");
    private static final RedisScript CLAIM = RedisScript.load("dispatch_claim.lua");
    private static final RedisScript RESCHEDULE = RedisScript.load("dispatch_reschedule.lua");
    private static final RedisScript ADVANCE = RedisScript.load("dispatch_advance.lua");
    private static final RedisScript CANCEL = RedisScript.load("dispatch_cancel.lua");
    private static final RedisScript OPEN = RedisScript.load("dispatch_open.lua");
    private static final long PROVIDER_INDEX_TTL_SECONDS = Duration.ofDays(30).toSeconds();

    private final RedisConnector redis;
    private final DispatchProgress progress;
    private RedisLink batch;

    public RedisDispatchStore(RedisConnector redis) {
        this(redis, DispatchProgress.NONE);
    }

    public RedisDispatchStore(RedisConnector redis, DispatchProgress progress) {
        this.redis = redis;
        this.progress = progress;
    }

    @Override
    public CompletionStage<Boolean> create(Dispatch d) {
        return store(d).thenCompose(created -> created
                ? progress.created(d).exceptionally(error -> null).thenApply(v -> true)
                : CompletableFuture.completedFuture(false));
    }

    /** One script per dispatch (each its own slot), sent back to back; the run's counters updated once. */
    @Override
    public CompletionStage<List<Boolean>> createAll(List<Dispatch> all) {
        List<CompletableFuture<Boolean>> stored = storeBatch(all);
        return CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            List<Boolean> created = stored.stream().map(CompletableFuture::join).toList();
            List<Dispatch> fresh = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (created.get(i)) {
                    fresh.add(all.get(i));
                }
            }
            return progress.createdAll(fresh).exceptionally(error -> null).thenApply(x -> created);
        });
    }

    /**
     * On a connection of its own, flushed once per batch: with appendfsync always Redis syncs once per batch it
     * reads instead of once per command, which is what makes a million-recipient fan-out fit in seconds.
     */
    private synchronized List<CompletableFuture<Boolean>> storeBatch(List<Dispatch> all) {
        if (batch == null || !batch.isOpen()) {
            batch = redis.newConnection();
            batch.setAutoFlushCommands(false);
        }
        RedisClusterAsyncCommands<String, String> async = batch.async();
        CompletableFuture<String> loaded = CREATE.load(async).toCompletableFuture();
        List<CompletableFuture<Boolean>> stored = all.stream().map(d -> loaded.thenCombine(CREATE.<Long>runLoaded(async,
                ScriptOutputType.INTEGER, new String[]{RedisKeys.dispatch(d.id())}, fields(d)), (sha, n) -> n == 1L)
                .toCompletableFuture()).toList();
        batch.flushCommands();
        return stored;
    }

    private CompletionStage<Boolean> store(Dispatch d) {
        return CREATE.<Long>run(redis.async(), ScriptOutputType.INTEGER, new String[]{RedisKeys.dispatch(d.id())},
                fields(d)).thenApply(created -> created == 1L);
    }

    private static String[] fields(Dispatch d) {
        List<String> fields = new ArrayList<>(List.of("id", d.id(), "run_id", d.runId(), "recipient", d.recipient(),
                "channel", d.channel(), "sender", d.sender(), "body", d.body(),
                "segments", Integer.toString(d.segments()), "state", d.state().id(),
                "rank", Integer.toString(d.state().rank()), "attempts", Integer.toString(d.attempts()),
                "updated_at", d.updatedAt().toString()));
        d.region().ifPresent(r -> fields.addAll(List.of("region", r)));
        d.validUntil().ifPresent(t -> fields.addAll(List.of("valid_until", t.toString())));
        return fields.toArray(String[]::new);
    }

    @Override
    public CompletionStage<Optional<Dispatch>> find(String id) {
        return redis.async().hgetall(RedisKeys.dispatch(id)).thenApply(RedisDispatchStore::toDispatch);
    }

    @Override
    public CompletionStage<Dispatch> open(Dispatch planned) {
        return OPEN.<List<Object>>run(redis.async(), ScriptOutputType.MULTI,
                new String[]{RedisKeys.dispatch(planned.id())}, fields(planned))
                .thenApply(reply -> toDispatch(hash(reply, 1)).orElseThrow());
    }

    private static Map<String, String> hash(List<Object> reply, int from) {
        Map<String, String> hash = new HashMap<>();
        for (int i = from; i + 1 < reply.size(); i += 2) {
            hash.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        return hash;
    }

    @Override
    public CompletionStage<Claim> claim(String id, Instant now, Duration lease) {
        return CLAIM.<List<Object>>run(redis.async(), ScriptOutputType.MULTI, new String[]{RedisKeys.dispatch(id)},
                Long.toString(now.toEpochMilli()), Long.toString(now.plus(lease).toEpochMilli()), now.toString())
                .thenCompose(reply -> {
                    Claim claim = toClaim(reply);
                    if (claim instanceof Claim.Claimed c && !c.reclaimed()) {
                        DispatchState previous = DispatchState.fromId((String) reply.get(2)).orElse(DispatchState.PLANNED);
                        return progress.moved(c.dispatch().runId(), previous, DispatchState.SENDING, Optional.empty())
                                .exceptionally(error -> null).thenApply(v -> claim);
                    }
                    return CompletableFuture.completedFuture(claim);
                });
    }

    @Override
    public CompletionStage<Boolean> reschedule(String id, DispatchState state, String reason, OptionalInt attempts,
                                               Instant now) {
        return RESCHEDULE.<String>run(redis.async(), ScriptOutputType.VALUE, new String[]{RedisKeys.dispatch(id)},
                state.id(), reason, text(attempts), now.toString())
                .thenCompose(answer -> answer == null || answer.isEmpty() ? CompletableFuture.completedFuture(false)
                        : moved(answer, state, Optional.empty()).thenApply(v -> true));
    }

    /** {@link #stopIfWaiting} with {@code canceled} (a canceled campaign run). */
    public CompletionStage<Boolean> cancelIfWaiting(String id, String reason, Instant now) {
        return stopIfWaiting(id, DispatchState.CANCELED, reason, now);
    }

    @Override
    public CompletionStage<Boolean> stopIfWaiting(String id, DispatchState state, String reason, Instant now) {
        if (!state.isFinal()) {
            throw new IllegalArgumentException("not a final state: " + state);
        }
        return CANCEL.<String>run(redis.async(), ScriptOutputType.VALUE, new String[]{RedisKeys.dispatch(id)},
                        reason, now.toString(), state.id())
                .thenCompose(answer -> answer == null || answer.isEmpty() ? CompletableFuture.completedFuture(false)
                        : moved(answer, state, Optional.of(reason)).thenApply(v -> true));
    }

    /** {@code answer} is 'previous state|run id' from a script; a failed counter update never fails the change. */
    private CompletionStage<Void> moved(String answer, DispatchState to, Optional<String> reason) {
        String[] parts = answer.split("\\|", 2);
        DispatchState previous = DispatchState.fromId(parts[0]).orElse(DispatchState.PLANNED);
        return progress.moved(parts.length > 1 ? parts[1] : "", previous, to, reason).exceptionally(error -> null);
    }

    @Override
    public CompletionStage<Change> advance(String id, StatusUpdate u) {
        CompletionStage<Change> change = ADVANCE.<String>run(redis.async(), ScriptOutputType.VALUE,
                        new String[]{RedisKeys.dispatch(id)}, u.state().id(), Integer.toString(u.state().rank()),
                        u.providerId().orElse(""), u.error().orElse(""), text(u.attempts()), u.at().toString())
                .thenCompose(result -> {
                    if (!result.startsWith("advanced|")) {
                        return CompletableFuture.completedFuture(Change.valueOf(result.toUpperCase(java.util.Locale.ROOT)));
                    }
                    return moved(result.substring("advanced|".length()), u.state(), u.error())
                            .thenApply(v -> Change.ADVANCED);
                });
        if (u.providerId().isEmpty()) {
            return change;
        }
        // a separate key (its own slot): written after the state, so a lookup never finds a dispatch without it
        return change.thenCompose(c -> c == Change.MISSING ? CompletableFuture.completedFuture(c)
                : redis.async().setex(RedisKeys.dispatchByProvider(u.providerId().get()), PROVIDER_INDEX_TTL_SECONDS, id)
                .thenApply(ok -> c));
    }

    @Override
    public CompletionStage<Optional<String>> findByProviderId(String providerId) {
        return redis.async().get(RedisKeys.dispatchByProvider(providerId)).thenApply(Optional::ofNullable);
    }

    private static Claim toClaim(List<Object> reply) {
        String kind = (String) reply.get(0);
        switch (kind) {
            case "busy":
                return new Claim.Busy(Instant.ofEpochMilli(Long.parseLong((String) reply.get(1))));
            case "settled":
                return new Claim.Settled(DispatchState.fromId((String) reply.get(1)).orElseThrow());
            case "claimed":
                return new Claim.Claimed(toDispatch(hash(reply, 3)).orElseThrow(), "1".equals(reply.get(1)));
            default:
                return new Claim.Missing();
        }
    }

    private static Optional<Dispatch> toDispatch(Map<String, String> h) {
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Dispatch(h.get("id"), h.get("run_id"), h.get("recipient"),
                Optional.ofNullable(h.get("region")), h.get("channel"), h.get("sender"), h.get("body"),
                Integer.parseInt(h.get("segments")), DispatchState.fromId(h.get("state")).orElseThrow(),
                Integer.parseInt(h.getOrDefault("attempts", "0")), Optional.ofNullable(h.get("provider_id")),
                Optional.ofNullable(h.get("last_error")).filter(e -> !e.isEmpty()),
                Instant.parse(h.get("updated_at")), Optional.ofNullable(h.get("valid_until")).map(Instant::parse)));
    }

    private static String text(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }
}
