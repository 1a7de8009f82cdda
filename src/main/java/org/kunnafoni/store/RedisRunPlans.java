package org.kunnafoni.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.campaign.CampaignRun;
import org.kunnafoni.campaign.CampaignStatus;
import org.kunnafoni.dispatch.RunPlan;
import org.kunnafoni.dispatch.RunPlans;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Run plans as one hash per run, written once; kept in memory once read, since a saved plan never changes. Whether
 * a run is stopped is read fresh each time (its campaign's status), never cached.
 */
public final class RedisRunPlans implements RunPlans {
    private static final RedisScript SAVE = RedisScript.load("campaign_plan_save.lua");
    private static final String BODY = "body:";

    private final RedisConnector redis;
    private final Cache<String, RunPlan> cache = Caffeine.newBuilder().maximumSize(256)
            .expireAfterAccess(Duration.ofHours(1)).build();

    public RedisRunPlans(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Void> save(RunPlan plan) {
        List<String> fields = new ArrayList<>(List.of("channel", plan.channel(), "sender", plan.sender()));
        plan.validUntil().ifPresent(t -> fields.addAll(List.of("valid_until", t.toString())));
        plan.bodies().forEach((language, body) -> fields.addAll(List.of(BODY + language, body)));
        return SAVE.<Long>run(redis.async(), ScriptOutputType.INTEGER,
                new String[]{RedisKeys.campaignRunPlan(plan.runId())}, fields.toArray(String[]::new))
                .thenApply(n -> null);
    }

    @Override
    public CompletionStage<Optional<RunPlan>> find(String runId) {
        RunPlan known = cache.getIfPresent(runId);
        if (known != null) {
            return CompletableFuture.completedFuture(Optional.of(known));
        }
        return redis.async().hgetall(RedisKeys.campaignRunPlan(runId)).thenApply(h -> {
            Optional<RunPlan> plan = decode(runId, h);
            plan.ifPresent(p -> cache.put(runId, p));
            return plan;
        });
    }

    private static Optional<RunPlan> decode(String runId, Map<String, String> h) {
        if (h == null || !h.containsKey("channel") || !h.containsKey("sender")) {
            return Optional.empty();
        }
        Map<String, String> bodies = new HashMap<>();
        h.forEach((field, value) -> {
            if (field.startsWith(BODY)) {
                bodies.put(field.substring(BODY.length()), value);
            }
        });
        return Optional.of(new RunPlan(runId, h.get("channel"), h.get("sender"), bodies,
                Optional.ofNullable(h.get("valid_until")).map(Instant::parse)));
    }

    @Override
    public CompletionStage<Boolean> stopped(String runId) {
        if (!CampaignRun.isCampaignRun(runId)) {
            return CompletableFuture.completedFuture(false);
        }
        return redis.async().hget(RedisKeys.campaign(CampaignRun.campaignOf(runId)), "status")
                .thenApply(status -> CampaignStatus.CANCELED.id().equals(status));
    }
}
