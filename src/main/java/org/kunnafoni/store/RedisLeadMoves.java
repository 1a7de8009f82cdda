package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.Lead;
import org.kunnafoni.lead.LeadAggregate;
import org.kunnafoni.lead.LeadReport;
import org.kunnafoni.lead.LeadReview.Change;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.ReviewedDetail;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.lead.TextSimilarity;
import org.kunnafoni.triage.Language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Merge and split. Two leads may sit in different region slots, so each is two scripts, ordered so that a crash
 * between them never loses a report: a merge first marks the source merged (no report can attach to it any more),
 * then adds its reports to the target, skipping any already there, so repeating the merge finishes it; a split
 * first opens the new lead, then removes the report from the old one (a crash leaves it counted twice, not lost).
 */
final class RedisLeadMoves {
    private static final RedisScript MERGE_IN = RedisScript.load("lead_merge_in.lua");
    private static final RedisScript SPLIT_NEW = RedisScript.load("lead_split_new.lua");
    private static final RedisScript SPLIT_OUT = RedisScript.load("lead_split_out.lua");
    // same ordering score as RedisLeadStore: priority score first, then last activity in epoch ms
    private static final double SCORE_WEIGHT = 1e13;

    private final RedisConnector redis;
    private final RedisLeadReview review;

    RedisLeadMoves(RedisConnector redis, RedisLeadReview review) {
        this.redis = redis;
        this.review = review;
    }

    CompletionStage<Change> merge(ReviewedLead target, ReviewedLead source, HistoryEntry entry) {
        boolean retry = source.lead().status() == LeadStatus.MERGED && target.id().equals(source.mergedInto());
        CompletionStage<Change> out = retry ? CompletableFuture.completedFuture(new Change.Done(source.id()))
                : review.change(source.id(), source.lead().category().id(), entry, "new,in_review", "", "rem",
                List.of("status", LeadStatus.MERGED.id(), "merged_into", target.id()));
        return out.thenCompose(change -> change instanceof Change.Done ? mergeIn(target, source.lead(), entry)
                : CompletableFuture.completedFuture(change));
    }

    private CompletionStage<Change> mergeIn(ReviewedLead target, Lead source, HistoryEntry entry) {
        RedisClusterAsyncCommands<String, String> r = redis.async();
        CompletableFuture<List<String>> entries = r.lrange(RedisKeys.leadReports(source.id()), 0, -1)
                .toCompletableFuture();
        CompletableFuture<Map<String, String>> foreign = r.hgetall(RedisKeys.leadForeignReports(source.id()))
                .toCompletableFuture();
        CompletableFuture<Set<String>> reporters = r.smembers(RedisKeys.leadReporters(source.id()))
                .toCompletableFuture();
        return CompletableFuture.allOf(entries, foreign, reporters).thenCompose(done -> {
            String home = slug(source.region());
            List<List<String>> moved = entries.join().stream()
                    .map(e -> List.of(e, foreign.join().getOrDefault(e, home))).toList();
            Map<String, Object> other = new LinkedHashMap<>();
            other.put("entries", moved);
            other.put("reporters", List.copyOf(reporters.join()));
            other.put("first_seen", source.firstSeen().toString());
            other.put("first_seen_ms", Long.toString(source.firstSeen().toEpochMilli()));
            other.put("last_seen", source.lastSeen().toString());
            other.put("last_seen_ms", Long.toString(source.lastSeen().toEpochMilli()));
            other.put("score", Integer.toString(source.score()));
            other.put("priority", source.priority().id());
            other.put("languages", source.languages().stream().map(Language::code).sorted().toList());
            other.put("max_children", source.maxChildren() == null ? "-1" : source.maxChildren().toString());
            other.put("place", source.place() == null ? "" : source.place());
            String id = target.id();
            String[] keys = {RedisKeys.lead(id), RedisKeys.leadReports(id), RedisKeys.leadReporters(id),
                    RedisKeys.leadHistory(id), RedisKeys.leadForeignReports(id),
                    RedisKeys.leadOpenIndex(target.lead().region(), target.lead().category().id())};
            return MERGE_IN.<List<Object>>run(r, ScriptOutputType.MULTI, keys, ReviewHashes.write(entry),
                    slug(target.lead().region()), ReviewHashes.write(other)).thenCompose(reply -> finish(reply, id,
                    source.id()));
        });
    }

    private CompletionStage<Change> finish(List<Object> reply, String id, String sourceId) {
        String outcome = (String) reply.get(0);
        if (!"ok".equals(outcome)) {
            return CompletableFuture.completedFuture(RedisLeadReview.refusal(outcome));
        }
        double score = Integer.parseInt((String) reply.get(1)) * SCORE_WEIGHT + Long.parseLong((String) reply.get(2));
        return redis.async().zadd(RedisKeys.LEADS_BY_SCORE, score, id)
                .thenCompose(x -> review.announce("lead", id))
                .thenCompose(x -> review.announce("lead", sourceId))
                .thenApply(x -> new Change.Done(id));
    }

    CompletionStage<Change> split(ReviewedDetail from, LeadReport report, HistoryEntry entry) {
        String region = report.triage().get("region") instanceof String s ? s : null;
        String category = (String) report.triage().get("category");
        String newId = RedisKeys.leadId(region, report.entryId()) + "-s" + entry.at().toEpochMilli();
        LeadAggregate alone = LeadAggregate.of(List.of(report));
        List<String> args = new ArrayList<>(List.of(ReviewHashes.write(entry), report.entryId(), report.reporter(),
                String.join(" ", TextSimilarity.terms(report.text()))));
        args.addAll(fields(alone));
        args.addAll(List.of("id", newId, "status", LeadStatus.NEW.id(), "region", slugOrEmpty(region),
                "place", report.triage().get("place") instanceof String p ? p : "", "category", category,
                "created_at", entry.at().toString()));
        String[] keys = {RedisKeys.lead(newId), RedisKeys.leadReports(newId), RedisKeys.leadReporters(newId),
                RedisKeys.leadTerms(newId), RedisKeys.leadHistory(newId), RedisKeys.leadOpenIndex(region, category),
                RedisKeys.leadReport(region, report.entryId())};
        RedisClusterAsyncCommands<String, String> r = redis.async();
        return SPLIT_NEW.<String>run(r, ScriptOutputType.STATUS, keys, args.toArray(String[]::new))
                .thenCompose(outcome -> "ok".equals(outcome) ? splitOut(from, report, entry, newId)
                        : CompletableFuture.completedFuture(new Change.Conflict("split again too soon")));
    }

    private CompletionStage<Change> splitOut(ReviewedDetail from, LeadReport report, HistoryEntry entry,
                                             String newId) {
        List<LeadReport> remaining = from.reports().stream()
                .filter(r -> !r.entryId().equals(report.entryId())).toList();
        LeadAggregate rest = LeadAggregate.of(remaining);
        String id = from.lead().id();
        List<String> args = new ArrayList<>(List.of(ReviewHashes.write(entry), report.entryId(),
                String.join(" ", rest.reporters())));
        args.addAll(fields(rest));
        String[] keys = {RedisKeys.lead(id), RedisKeys.leadReports(id), RedisKeys.leadReporters(id),
                RedisKeys.leadHistory(id), RedisKeys.leadForeignReports(id)};
        RedisClusterAsyncCommands<String, String> r = redis.async();
        return SPLIT_OUT.<String>run(r, ScriptOutputType.STATUS, keys, args.toArray(String[]::new))
                .thenCompose(outcome -> !"ok".equals(outcome)
                        ? CompletableFuture.completedFuture(RedisLeadReview.refusal(outcome))
                        : r.zadd(RedisKeys.LEADS_BY_SCORE, byScore(rest), id)
                        .thenCompose(x -> r.zadd(RedisKeys.LEADS_BY_SCORE, byScore(LeadAggregate.of(List.of(report))),
                                newId))
                        .thenCompose(x -> review.announce("lead", id))
                        .thenCompose(x -> review.announce("lead", newId))
                        .thenApply(x -> (Change) new Change.Done(newId)));
    }

    private static List<String> fields(LeadAggregate a) {
        return List.of("report_count", Integer.toString(a.reportCount()),
                "reporter_count", Integer.toString(a.reporters().size()),
                "first_seen", a.firstSeen().toString(), "first_seen_ms", Long.toString(a.firstSeen().toEpochMilli()),
                "last_seen", a.lastSeen().toString(), "last_seen_ms", Long.toString(a.lastSeen().toEpochMilli()),
                "score", Integer.toString(a.score()), "priority", a.priority().id(),
                "languages", a.languages().stream().map(Language::code).collect(Collectors.joining(",")),
                "max_children", a.maxChildren() == null ? "" : a.maxChildren().toString());
    }

    private static double byScore(LeadAggregate a) {
        return a.score() * SCORE_WEIGHT + a.lastSeen().toEpochMilli();
    }

    private static String slug(String region) {
        return region == null ? RedisKeys.NO_REGION : region;
    }

    private static String slugOrEmpty(String region) {
        return region == null ? "" : region;
    }
}
