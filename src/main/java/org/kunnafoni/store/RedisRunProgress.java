package org.kunnafoni.store;

import org.kunnafoni.campaign.CampaignRun;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchProgress;
import org.kunnafoni.dispatch.DispatchState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps a campaign run's counters in step with its dispatches: +1 on the new state, -1 on the old one. The
 * counters live in the run's slot, not the dispatch's, so they follow each change instead of being part of it.
 */
public final class RedisRunProgress implements DispatchProgress {
    static final String CREATED = "created";
    static final String SEGMENTS = "segments";
    static final String DEFERRED_EVER = "deferred_ever";
    static final String STATE = "state:";

    private final RedisConnector redis;

    public RedisRunProgress(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Void> created(Dispatch d) {
        if (!CampaignRun.isCampaignRun(d.runId())) {
            return CompletableFuture.completedFuture(null);
        }
        String key = RedisKeys.campaignRunProgress(d.runId());
        return all(List.of(redis.async().hincrby(key, CREATED, 1), redis.async().hincrby(key, SEGMENTS, d.segments()),
                redis.async().hincrby(key, STATE + d.state().id(), 1)));
    }

    /** Per run: three increments for the whole page instead of three per dispatch. */
    @Override
    public CompletionStage<Void> createdAll(List<Dispatch> dispatches) {
        Map<String, Map<String, Long>> byRun = new HashMap<>();
        for (Dispatch d : dispatches) {
            if (CampaignRun.isCampaignRun(d.runId())) {
                Map<String, Long> counts = byRun.computeIfAbsent(d.runId(), run -> new HashMap<>());
                counts.merge(CREATED, 1L, Long::sum);
                counts.merge(SEGMENTS, (long) d.segments(), Long::sum);
                counts.merge(STATE + d.state().id(), 1L, Long::sum);
            }
        }
        List<CompletionStage<?>> writes = new ArrayList<>();
        byRun.forEach((run, counts) -> counts.forEach((field, n) ->
                writes.add(redis.async().hincrby(RedisKeys.campaignRunProgress(run), field, n))));
        return all(writes);
    }

    @Override
    public CompletionStage<Void> moved(String runId, DispatchState from, DispatchState to, Optional<String> reason) {
        if (!CampaignRun.isCampaignRun(runId) || from == to) {
            return CompletableFuture.completedFuture(null);
        }
        String key = RedisKeys.campaignRunProgress(runId);
        List<CompletionStage<?>> writes = new ArrayList<>(List.of(redis.async().hincrby(key, STATE + from.id(), -1),
                redis.async().hincrby(key, STATE + to.id(), 1)));
        if (to == DispatchState.DEFERRED) {
            writes.add(redis.async().hincrby(key, DEFERRED_EVER, 1));
        }
        if (to == DispatchState.FAILED) {
            writes.add(redis.async().hincrby(RedisKeys.campaignRunFailures(runId), reason.orElse("unknown"), 1));
        }
        return all(writes);
    }

    private static CompletionStage<Void> all(List<? extends CompletionStage<?>> stages) {
        return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }
}
