package org.kunnafoni.store;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.LeadReport;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.ReviewedDetail;
import org.kunnafoni.lead.ReviewedLead;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The review state of leads, kept in the lead's own hash (extra fields {@code assigned_to opened_at escalated_at
 * merged_into}) and lists next to it, so each change is one script in the lead's region slot. Every change is
 * appended to {@link RedisKeys#LEAD_CHANGES}, which every gateway instance tails to update its dashboards.
 */
public final class RedisLeadReview implements LeadReview {
    static final RedisScript CHANGE = RedisScript.load("lead_review_change.lua");
    private static final long CHANGES_KEPT = 10_000;

    private final RedisConnector redis;
    private final RedisLeadMoves moves;

    public RedisLeadReview(RedisConnector redis) {
        this.redis = redis;
        this.moves = new RedisLeadMoves(redis, this);
    }

    @Override
    public CompletionStage<List<ReviewedLead>> all(boolean withWords) {
        RedisClusterAsyncCommands<String, String> r = redis.async();
        return r.zrevrange(RedisKeys.LEADS_BY_SCORE, 0, -1)
                .thenCompose(ids -> all(ids.stream().map(id -> load(r, id, withWords)).toList()))
                .thenApply(found -> found.stream().flatMap(Optional::stream).toList());
    }

    private static CompletableFuture<Optional<ReviewedLead>> load(RedisClusterAsyncCommands<String, String> r, String id,
                                                                  boolean withWords) {
        CompletableFuture<Map<String, String>> hash = r.hgetall(RedisKeys.lead(id)).toCompletableFuture();
        CompletableFuture<List<String>> terms = withWords
                ? r.lrange(RedisKeys.leadTerms(id), 0, -1).toCompletableFuture()
                : CompletableFuture.completedFuture(List.of());
        return hash.thenCombine(terms, (h, t) -> ReviewHashes.toReviewed(h, words(t)));
    }

    private static Set<String> words(List<String> termLists) {
        Set<String> out = new LinkedHashSet<>();
        termLists.forEach(t -> out.addAll(List.of(t.split(" "))));
        out.remove("");
        return out;
    }

    @Override
    public CompletionStage<Optional<ReviewedLead>> summary(String id) {
        return load(redis.async(), id, false);
    }

    @Override
    public CompletionStage<Optional<ReviewedDetail>> detail(String id) {
        RedisClusterAsyncCommands<String, String> r = redis.async();
        CompletableFuture<Optional<ReviewedLead>> lead = load(r, id, false);
        CompletableFuture<List<String>> entries = r.lrange(RedisKeys.leadReports(id), 0, -1).toCompletableFuture();
        CompletableFuture<Map<String, String>> foreign = r.hgetall(RedisKeys.leadForeignReports(id))
                .toCompletableFuture();
        CompletableFuture<List<String>> history = r.lrange(RedisKeys.leadHistory(id), 0, -1).toCompletableFuture();
        return CompletableFuture.allOf(lead, entries, foreign, history).thenCompose(done -> {
            if (lead.join().isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<ReviewedDetail>empty());
            }
            String home = RedisKeys.regionOf(id);
            return reports(r, entries.join(), foreign.join(), home).thenApply(reports -> Optional.of(
                    new ReviewedDetail(lead.join().get(), reports,
                            history.join().stream().map(ReviewHashes::history).toList())));
        });
    }

    private static CompletableFuture<List<LeadReport>> reports(RedisClusterAsyncCommands<String, String> r,
                                                               List<String> entries, Map<String, String> foreign,
                                                               String home) {
        List<RedisFuture<Map<String, String>>> hashes = new ArrayList<>();
        for (String entry : entries) {
            String region = foreign.containsKey(entry) ? regionOrNull(foreign.get(entry)) : home;
            hashes.add(r.hgetall(RedisKeys.leadReport(region, entry)));
        }
        return all(hashes).thenApply(found -> found.stream().map(ReviewHashes::toReport)
                .flatMap(Optional::stream).toList());
    }

    static String regionOrNull(String slug) {
        return RedisKeys.NO_REGION.equals(slug) ? null : slug;
    }

    @Override
    public CompletionStage<Change> markOpened(String id, HistoryEntry entry) {
        return change(id, null, entry, "", "opened_at", "", List.of("opened_at", entry.at().toString()));
    }

    @Override
    public CompletionStage<Change> transition(String id, String category, LeadStatus from, LeadStatus to,
                                              HistoryEntry entry) {
        return change(id, category, entry, from.id(), "", to.open() ? "add" : "rem", List.of("status", to.id()));
    }

    @Override
    public CompletionStage<Change> record(String id, HistoryEntry entry, Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> {
            pairs.add(k);
            pairs.add(v == null ? "" : v);
        });
        return change(id, null, entry, "", "", "", pairs);
    }

    @Override
    public CompletionStage<Change> merge(ReviewedLead target, ReviewedLead source, HistoryEntry entry) {
        return moves.merge(target, source, entry);
    }

    @Override
    public CompletionStage<Change> split(ReviewedDetail from, LeadReport report, HistoryEntry entry) {
        return moves.split(from, report, entry);
    }

    @Override
    public CompletionStage<Change> escalate(ReviewedLead lead, HistoryEntry entry) {
        String id = lead.id();
        return change(id, null, entry, LeadStatus.NEW.id(), "opened_at,escalated_at", "",
                List.of("escalated_at", entry.at().toString()))
                .thenCompose(change -> !(change instanceof Change.Done) ? CompletableFuture.completedFuture(change)
                        : redis.async().xadd(RedisKeys.ESCALATIONS, Map.of("lead_id", id,
                                "region", lead.lead().region() == null ? RedisKeys.NO_REGION : lead.lead().region(),
                                "category", lead.lead().category().id(), "priority", lead.lead().priority().id(),
                                "at", entry.at().toString()))
                        .thenCompose(x -> announce("escalation", id)).thenApply(x -> change));
    }

    /** Runs the conditional change script; {@code category} null when the open index is not touched. */
    CompletionStage<Change> change(String id, String category, HistoryEntry entry, String statuses, String unset,
                                   String indexAction, List<String> fields) {
        String[] keys = {RedisKeys.lead(id), RedisKeys.leadHistory(id),
                RedisKeys.leadOpenIndex(RedisKeys.regionOf(id), category == null ? "none" : category)};
        List<String> args = new ArrayList<>(List.of(entry == null ? "" : ReviewHashes.write(entry), statuses, unset,
                indexAction));
        args.addAll(fields);
        return CHANGE.<String>run(redis.async(), ScriptOutputType.STATUS, keys, args.toArray(String[]::new))
                .thenCompose(outcome -> "ok".equals(outcome)
                        ? announce("lead", id).thenApply(x -> (Change) new Change.Done(id))
                        : CompletableFuture.completedFuture(refusal(outcome)));
    }

    static Change refusal(String outcome) {
        if ("missing".equals(outcome)) {
            return new Change.Missing();
        }
        if (outcome.startsWith("status:")) {
            return new Change.Conflict("the lead is " + outcome.substring(7) + " now");
        }
        return new Change.Conflict(outcome.startsWith("already:") ? "already done" : outcome);
    }

    /** Tells every instance's dashboards that a lead changed. */
    CompletionStage<Void> announce(String type, String id) {
        return redis.async().xadd(RedisKeys.LEAD_CHANGES, XAddArgs.Builder.maxlen(CHANGES_KEPT).approximateTrimming(),
                Map.of("type", type, "id", id)).thenApply(x -> null);
    }

    static <T> CompletableFuture<List<T>> all(List<? extends CompletionStage<T>> stages) {
        List<CompletableFuture<T>> futures = stages.stream().map(CompletionStage::toCompletableFuture).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }
}
