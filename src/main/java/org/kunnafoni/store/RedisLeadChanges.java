package org.kunnafoni.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What changed in leads, for live dashboards on every instance. Review changes are appended to
 * {@link RedisKeys#LEAD_CHANGES}; triage writes are not announced anywhere, but each one moves the lead in
 * {@link RedisKeys#LEADS_BY_SCORE} (score × 10¹³ + last activity), so the leads active since a moment are found
 * with one range per score level (0–100) and compared with what the caller saw last time.
 */
public final class RedisLeadChanges {
    private static final double SCORE_WEIGHT = 1e13;
    private static final int MAX_SCORE = 100;

    public record Announced(String streamId, String type, String leadId) {
    }

    private final RedisConnector redis;

    public RedisLeadChanges(RedisConnector redis) {
        this.redis = redis;
    }

    /** The id of the newest announcement, or 0-0; tailing starts after it. */
    public CompletionStage<String> lastId() {
        return redis.async().xrevrange(RedisKeys.LEAD_CHANGES, Range.create("-", "+"), Limit.from(1))
                .thenApply(found -> found.isEmpty() ? "0-0" : found.get(0).getId());
    }

    /** Announcements after {@code afterId}, oldest first. */
    public CompletionStage<List<Announced>> after(String afterId, int max) {
        return redis.async().xrange(RedisKeys.LEAD_CHANGES, Range.create("(" + afterId, "+"), Limit.from(max))
                .thenApply(found -> found.stream().map(RedisLeadChanges::announced).toList());
    }

    private static Announced announced(StreamMessage<String, String> m) {
        return new Announced(m.getId(), m.getBody().get("type"), m.getBody().get("id"));
    }

    /** Leads whose last activity is at or after {@code sinceMillis}, with their index score (changes when they do). */
    public CompletionStage<Map<String, Double>> activeSince(long sinceMillis) {
        RedisClusterAsyncCommands<String, String> r = redis.async();
        List<CompletionStage<List<ScoredValue<String>>>> levels = new ArrayList<>();
        for (int level = 0; level <= MAX_SCORE; level++) {
            double base = level * SCORE_WEIGHT;
            levels.add(r.zrangebyscoreWithScores(RedisKeys.LEADS_BY_SCORE,
                    Range.create(base + sinceMillis, base + SCORE_WEIGHT - 1)));
        }
        return RedisLeadReview.all(levels).thenApply(all -> {
            Map<String, Double> out = new HashMap<>();
            all.forEach(level -> level.forEach(v -> out.put(v.getValue(), v.getScore())));
            return out;
        });
    }
}
