package org.kunnafoni.store;

import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import org.kunnafoni.campaign.Campaign;
import org.kunnafoni.campaign.CampaignRun;
import org.kunnafoni.campaign.CampaignStatus;
import org.kunnafoni.campaign.CampaignStore;
import org.kunnafoni.campaign.RunProgress;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/** Campaigns, runs, the due-run index with its atomic claim, and run progress in Redis (keys: {@link RedisKeys}). */
public final class RedisCampaignStore implements CampaignStore {
    private static final RedisScript CLAIM = RedisScript.load("campaign_claim.lua");
    private static final RedisScript STATUS = RedisScript.load("campaign_status.lua");
    private static final RedisScript PLAN_PAGE = RedisScript.load("campaign_plan_page.lua");
    private static final int CANCEL_PAGE = 500;

    private final RedisConnector redis;
    private final RedisDispatchStore dispatches;

    public RedisCampaignStore(RedisConnector redis, RedisDispatchStore dispatches) {
        this.redis = redis;
        this.dispatches = dispatches;
    }

    @Override
    public CompletionStage<Boolean> create(Campaign c) {
        String key = RedisKeys.campaign(c.id());
        return redis.async().hsetnx(key, "json", CampaignCodec.encode(c)).thenCompose(created -> !created
                ? CompletableFuture.completedFuture(false)
                : redis.async().hset(key, Map.of("status", c.status().id(), "created_at", c.createdAt().toString()))
                .thenCompose(n -> redis.async().zadd(RedisKeys.CAMPAIGNS_ALL, c.createdAt().toEpochMilli(), c.id()))
                .thenApply(n -> true));
    }

    @Override
    public CompletionStage<Optional<Campaign>> find(String id) {
        return redis.async().hgetall(RedisKeys.campaign(id)).thenApply(h -> h == null || !h.containsKey("json")
                ? Optional.empty()
                : Optional.of(CampaignCodec.decode(h.get("json"),
                CampaignStatus.fromId(h.get("status")).orElse(CampaignStatus.CREATED))));
    }

    @Override
    public CompletionStage<List<Campaign>> recent(int limit) {
        return redis.async().zrevrange(RedisKeys.CAMPAIGNS_ALL, 0, limit - 1L).thenCompose(ids -> {
            List<CompletableFuture<Optional<Campaign>>> reads = ids.stream().map(id -> find(id).toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(v -> reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        });
    }

    @Override
    public CompletionStage<Boolean> updateStatus(String campaignId, CampaignStatus status) {
        return STATUS.<Long>run(redis.async(), ScriptOutputType.INTEGER, new String[]{RedisKeys.campaign(campaignId)},
                status.id(), "").thenApply(n -> n == 1L);
    }

    @Override
    public CompletionStage<Boolean> cancelEvenIfDone(String campaignId) {
        return STATUS.<Long>run(redis.async(), ScriptOutputType.INTEGER, new String[]{RedisKeys.campaign(campaignId)},
                CampaignStatus.CANCELED.id(), "from-done").thenApply(n -> n == 1L);
    }

    @Override
    public CompletionStage<Void> scheduleRun(String campaignId, Instant due) {
        String runId = CampaignRun.idFor(campaignId, due);
        // the run hash is written first and only once: a replayed "schedule the next run" finds it and stops, so a
        // run already fanned out is never put back in the due index
        return redis.async().hsetnx(RedisKeys.campaignRun(runId), "status", CampaignRun.Status.DUE.id())
                .thenCompose(fresh -> !fresh ? CompletableFuture.<Void>completedFuture(null)
                        : redis.async().hset(RedisKeys.campaignRun(runId), Map.of("campaign_id", campaignId,
                                "due", due.toString()))
                        .thenCompose(n -> redis.async().zadd(RedisKeys.campaignRuns(campaignId), due.toEpochMilli(), runId))
                        .thenCompose(n -> redis.async().zadd(RedisKeys.CAMPAIGNS_DUE, ZAddArgs.Builder.nx(),
                                due.toEpochMilli(), runId))
                        .thenApply(n -> null));
    }

    @Override
    public CompletionStage<List<Claimed>> claimDue(Instant now, Duration lease, int max) {
        return CLAIM.<List<Object>>run(redis.async(), ScriptOutputType.MULTI,
                        new String[]{RedisKeys.CAMPAIGNS_DUE, RedisKeys.CAMPAIGNS_CLAIMED},
                        Long.toString(now.toEpochMilli()), Long.toString(now.plus(lease).toEpochMilli()),
                        Integer.toString(max))
                .thenCompose(reply -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (int i = 0; i + 1 < reply.size(); i += 2) {
                        claimed.add(new Claimed((String) reply.get(i), "1".equals(reply.get(i + 1))));
                    }
                    return CompletableFuture.allOf(claimed.stream().map(c -> redis.async()
                                    .hset(RedisKeys.campaignRun(c.runId()), "status",
                                            CampaignRun.Status.FANNING_OUT.id()).toCompletableFuture())
                                    .toArray(CompletableFuture[]::new))
                            .thenApply(v -> claimed);
                });
    }

    @Override
    public CompletionStage<Boolean> renewLease(String runId, Instant until) {
        return redis.async().zadd(RedisKeys.CAMPAIGNS_CLAIMED, ZAddArgs.Builder.xx().ch(), until.toEpochMilli(), runId)
                .thenCompose(n -> redis.async().zscore(RedisKeys.CAMPAIGNS_CLAIMED, runId))
                .thenApply(score -> score != null);
    }

    @Override
    public CompletionStage<Void> checkpoint(String runId, int cell, Optional<String> cursor) {
        return redis.async().hset(RedisKeys.campaignRun(runId), Map.of("cell", Integer.toString(cell),
                "cursor", cursor.orElse(""))).thenApply(n -> null);
    }

    @Override
    public CompletionStage<Optional<Checkpoint>> checkpoint(String runId) {
        return redis.async().hmget(RedisKeys.campaignRun(runId), "cell", "cursor").thenApply(values -> {
            String cell = values.get(0).getValueOrElse(null);
            String cursor = values.get(1).getValueOrElse("");
            return cell == null ? Optional.empty()
                    : Optional.of(new Checkpoint(Integer.parseInt(cell), Optional.of(cursor).filter(c -> !c.isEmpty())));
        });
    }

    @Override
    public CompletionStage<Void> addDispatch(String runId, String dispatchId) {
        return redis.async().sadd(RedisKeys.campaignRunDispatches(runId), dispatchId).thenApply(n -> null);
    }

    @Override
    public CompletionStage<Void> addDispatches(String runId, List<String> dispatchIds) {
        return dispatchIds.isEmpty() ? CompletableFuture.completedFuture(null)
                : redis.async().sadd(RedisKeys.campaignRunDispatches(runId), dispatchIds.toArray(String[]::new))
                .thenApply(n -> null);
    }

    @Override
    public CompletionStage<Long> addRecipients(String runId, List<String> pseudonyms, int segmentsEach) {
        if (pseudonyms.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        String[] args = new String[pseudonyms.size() + 1];
        args[0] = Integer.toString(segmentsEach);
        for (int i = 0; i < pseudonyms.size(); i++) {
            args[i + 1] = pseudonyms.get(i);
        }
        return PLAN_PAGE.run(redis.async(), ScriptOutputType.INTEGER,
                new String[]{RedisKeys.campaignRunRecipients(runId), RedisKeys.campaignRunProgress(runId)}, args);
    }

    @Override
    public CompletionStage<Void> finishRun(String runId, CampaignRun.Status status, Instant at) {
        return redis.async().hset(RedisKeys.campaignRun(runId), Map.of("status", status.id(),
                        "finished_at", at.toString()))
                .thenCompose(n -> redis.async().zrem(RedisKeys.CAMPAIGNS_CLAIMED, runId))
                .thenApply(n -> null);
    }

    @Override
    public CompletionStage<List<String>> unscheduleRuns(String campaignId) {
        return redis.async().zrange(RedisKeys.campaignRuns(campaignId), 0, -1).thenCompose(runs -> {
            List<CompletableFuture<Optional<String>>> removed = runs.stream()
                    .map(run -> redis.async().zrem(RedisKeys.CAMPAIGNS_DUE, run)
                            .thenApply(n -> n == 1L ? Optional.of(run) : Optional.<String>empty()).toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(removed.toArray(CompletableFuture[]::new))
                    .thenApply(v -> removed.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
        });
    }

    /**
     * Through the run's recipients (whose dispatches workers create as they take them) and, for runs planned before
     * fan-out became lazy, its dispatch id set; a recipient whose dispatch does not exist yet is stopped by the
     * worker that takes it, which sees the campaign canceled.
     */
    @Override
    public CompletionStage<Long> cancelWaitingDispatches(String runId, String reason, Instant at) {
        return cancelPage(RedisKeys.campaignRunRecipients(runId), p -> Dispatch.idFor(runId, p), ScanCursor.INITIAL,
                reason, at, 0L)
                .thenCompose(n -> cancelPage(RedisKeys.campaignRunDispatches(runId), id -> id, ScanCursor.INITIAL,
                        reason, at, n));
    }

    /** Page by page through a set, so a million-recipient run is never read at once. */
    private CompletionStage<Long> cancelPage(String set, UnaryOperator<String> toId, ScanCursor cursor, String reason,
                                             Instant at, long done) {
        return redis.async().sscan(set, cursor, ScanArgs.Builder.limit(CANCEL_PAGE)).thenCompose(page -> {
            List<CompletableFuture<Boolean>> canceled = page.getValues().stream()
                    .map(member -> dispatches.cancelIfWaiting(toId.apply(member), reason, at).toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(canceled.toArray(CompletableFuture[]::new)).thenCompose(v -> {
                long total = done + canceled.stream().filter(CompletableFuture::join).count();
                return page.isFinished() ? CompletableFuture.completedFuture(total)
                        : cancelPage(set, toId, page, reason, at, total);
            });
        });
    }

    @Override
    public CompletionStage<List<CampaignRun>> runs(String campaignId) {
        return redis.async().zrange(RedisKeys.campaignRuns(campaignId), 0, -1).thenCompose(ids -> {
            List<CompletableFuture<CampaignRun>> reads = ids.stream().map(id -> redis.async()
                    .hget(RedisKeys.campaignRun(id), "status")
                    .thenApply(status -> new CampaignRun(id, campaignId, CampaignRun.dueOf(id),
                            status == null ? CampaignRun.Status.DUE : CampaignRun.Status.fromId(status)))
                    .toCompletableFuture()).toList();
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                    .thenApply(v -> reads.stream().map(CompletableFuture::join).toList());
        });
    }

    @Override
    public CompletionStage<RunProgress> progress(String runId) {
        CompletableFuture<Map<String, String>> counters = redis.async()
                .hgetall(RedisKeys.campaignRunProgress(runId)).toCompletableFuture();
        CompletableFuture<Map<String, String>> failures = redis.async()
                .hgetall(RedisKeys.campaignRunFailures(runId)).toCompletableFuture();
        return counters.thenCombine(failures, RedisCampaignStore::toProgress);
    }

    private static RunProgress toProgress(Map<String, String> counters, Map<String, String> failures) {
        Map<DispatchState, Long> states = new EnumMap<>(DispatchState.class);
        counters.forEach((field, value) -> {
            if (field.startsWith(RedisRunProgress.STATE)) {
                DispatchState.fromId(field.substring(RedisRunProgress.STATE.length()))
                        .ifPresent(s -> states.put(s, Long.parseLong(value)));
            }
        });
        Map<String, Long> reasons = new TreeMap<>();
        failures.forEach((reason, n) -> reasons.put(reason, Long.parseLong(n)));
        return new RunProgress(number(counters, RedisRunProgress.CREATED), states,
                number(counters, RedisRunProgress.DEFERRED_EVER), reasons, number(counters, RedisRunProgress.SEGMENTS));
    }

    private static long number(Map<String, String> h, String field) {
        return Long.parseLong(h.getOrDefault(field, "0"));
    }

}
