package org.kunnafoni.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.lead.CandidateRead;
import org.kunnafoni.lead.ClusterDecision;
import org.kunnafoni.lead.Lead;
import org.kunnafoni.lead.LeadCandidate;
import org.kunnafoni.lead.LeadDetail;
import org.kunnafoni.lead.LeadReport;
import org.kunnafoni.lead.LeadStore;
import org.kunnafoni.lead.LeadWrite;
import org.kunnafoni.lead.ReportFacts;
import org.kunnafoni.lead.TriagedReport;
import org.kunnafoni.triage.Category;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Leads in Redis (key layout in {@link RedisKeys}). The attach-or-open write is one Lua script in the region's
 * slot; the global by-score index lives in its own slot and is brought up to date after every write, duplicates
 * included, so a crash between the two is repaired when the entry is delivered again.
 */
public final class RedisLeadStore implements LeadStore {
    /** How many recent reports' words a lead keeps for clustering. */
    public static final int RECENT_TERM_LISTS = 5;
    /** Candidates examined per report: the most recently active open leads of the region and category. */
    static final int MAX_CANDIDATES = 50;
    // score 0–100 first, then last activity in epoch ms (< 10^13 until the year 2286): exact in a double
    private static final double SCORE_WEIGHT = 1e13;
    private static final RedisScript ATTACH_OR_OPEN = RedisScript.load("lead_attach_or_open.lua");
    private static final RedisScript CANDIDATES = RedisScript.load("lead_candidates.lua");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> VIEW = new TypeReference<>() {
    };

    private final Supplier<RedisClusterAsyncCommands<String, String>> redis;

    /** @param redis the connection to use: the shared one for the API, a worker's own one for triage */
    public RedisLeadStore(Supplier<RedisClusterAsyncCommands<String, String>> redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<List<LeadCandidate>> candidates(String region, Category category, Instant around,
                                                           Duration window) {
        return read(region, category, around, window, List.of()).thenApply(CandidateRead::candidates);
    }

    /** One script: the candidate index, each open candidate's hash and terms, and the entries' report markers. */
    @Override
    public CompletionStage<CandidateRead> read(String region, Category category, Instant around, Duration window,
                                               List<String> entryIds) {
        String[] keys = new String[entryIds.size() + 1];
        keys[0] = RedisKeys.leadOpenIndex(region, category.id());
        for (int i = 0; i < entryIds.size(); i++) {
            keys[i + 1] = RedisKeys.leadReport(region, entryIds.get(i));
        }
        // lead keys are derived inside the script from the id; take prefix and suffix from RedisKeys itself
        String sampleId = RedisKeys.leadId(region, "0-0");
        String leadKey = RedisKeys.lead(sampleId);
        String prefix = leadKey.substring(0, leadKey.length() - sampleId.length());
        String termsSuffix = RedisKeys.leadTerms(sampleId).substring(leadKey.length());
        String[] args = {Long.toString(around.minus(window).toEpochMilli()),
                Long.toString(around.plus(window).toEpochMilli()), Integer.toString(MAX_CANDIDATES), prefix,
                termsSuffix};
        return CANDIDATES.<List<Object>>run(redis.get(), ScriptOutputType.MULTI, keys, args)
                .thenApply(reply -> toRead(reply, entryIds));
    }

    private static CandidateRead toRead(List<Object> reply, List<String> entryIds) {
        List<?> written = (List<?>) reply.get(0);
        Map<String, String> done = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            String leadId = (String) written.get(i);
            if (!leadId.isEmpty()) {
                done.put(entryIds.get(i), leadId);
            }
        }
        List<LeadCandidate> candidates = new ArrayList<>();
        for (Object item : (List<?>) reply.get(1)) {
            List<?> pair = (List<?>) item;
            List<?> flat = (List<?>) pair.get(0);
            Map<String, String> hash = new HashMap<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                hash.put((String) flat.get(i), (String) flat.get(i + 1));
            }
            List<Set<String>> terms = ((List<?>) pair.get(1)).stream().map(t -> termSet((String) t)).toList();
            LeadHash.toLead(hash).ifPresent(lead -> candidates.add(new LeadCandidate(lead, terms)));
        }
        return new CandidateRead(candidates, done);
    }

    @Override
    public CompletionStage<LeadWrite> write(TriagedReport triaged, ClusterDecision decision) {
        LeadReport report = triaged.report();
        ReportFacts facts = triaged.facts();
        String region = facts.region();
        String chosen = decision instanceof ClusterDecision.Attach attach ? attach.leadId() : "";
        String fresh = RedisKeys.leadId(region, report.entryId());
        String lookup = chosen.isEmpty() ? fresh : chosen;
        String[] keys = {RedisKeys.leadReport(region, report.entryId()),
                RedisKeys.leadOpenIndex(region, facts.category().id()),
                RedisKeys.lead(lookup), RedisKeys.leadReports(lookup), RedisKeys.leadReporters(lookup),
                RedisKeys.leadTerms(lookup),
                RedisKeys.lead(fresh), RedisKeys.leadReports(fresh), RedisKeys.leadReporters(fresh),
                RedisKeys.leadTerms(fresh)};
        RedisClusterAsyncCommands<String, String> r = redis.get();
        return ATTACH_OR_OPEN.<List<Object>>run(r, ScriptOutputType.MULTI, keys, arguments(triaged, chosen, fresh))
                .thenCompose(reply -> indexGlobally(r, reply));
    }

    private static String[] arguments(TriagedReport t, String chosen, String fresh) {
        LeadReport report = t.report();
        ReportFacts facts = t.facts();
        return new String[]{chosen, fresh, report.entryId(), report.reporter(), report.receivedAt().toString(),
                Long.toString(report.receivedAt().toEpochMilli()), report.triagedAt().toString(),
                report.language().code(), report.text(), json(report.triage()), nullToEmpty(facts.region()),
                nullToEmpty(facts.place()), facts.category().id(), t.priority().id(), Integer.toString(t.score()),
                t.children() == null ? "" : t.children().toString(), String.join(" ", facts.terms()),
                Integer.toString(RECENT_TERM_LISTS)};
    }

    private static CompletionStage<LeadWrite> indexGlobally(RedisClusterAsyncCommands<String, String> r, List<Object> reply) {
        String outcome = (String) reply.get(0);
        String id = (String) reply.get(1);
        CompletionStage<Double> score = "duplicate".equals(outcome)
                ? r.hmget(RedisKeys.lead(id), "score", "last_seen_ms").thenApply(values -> globalScore(
                        values.get(0).getValueOrElse(null), values.get(1).getValueOrElse(null)))
                : CompletableFuture.completedFuture(globalScore((String) reply.get(2), (String) reply.get(3)));
        return score.thenCompose(s -> s == null ? CompletableFuture.completedFuture(0L)
                        : r.zadd(RedisKeys.LEADS_BY_SCORE, s, id))
                .thenApply(added -> switch (outcome) {
                    case "opened" -> new LeadWrite.Opened(id);
                    case "attached" -> new LeadWrite.Attached(id);
                    default -> new LeadWrite.Duplicate(id);
                });
    }

    private static Double globalScore(String score, String lastSeenMs) {
        if (score == null || lastSeenMs == null) {
            return null;
        }
        return Integer.parseInt(score) * SCORE_WEIGHT + Long.parseLong(lastSeenMs);
    }

    @Override
    public CompletionStage<Optional<LeadDetail>> find(String leadId) {
        RedisClusterAsyncCommands<String, String> r = redis.get();
        String region = RedisKeys.regionOf(leadId);
        CompletableFuture<Map<String, String>> hash = r.hgetall(RedisKeys.lead(leadId)).toCompletableFuture();
        CompletableFuture<List<LeadReport>> reports = r.lrange(RedisKeys.leadReports(leadId), 0, -1)
                .thenCompose(ids -> all(ids.stream().map(id -> r.hgetall(RedisKeys.leadReport(region, id))).toList()))
                .thenApply(hashes -> hashes.stream().map(RedisLeadStore::toReport).flatMap(Optional::stream).toList())
                .toCompletableFuture();
        return hash.thenCombine(reports, (h, list) -> LeadHash.toLead(h).map(lead -> new LeadDetail(lead, list)));
    }

    @Override
    public CompletionStage<List<Lead>> listByScore(int offset, int limit) {
        RedisClusterAsyncCommands<String, String> r = redis.get();
        return r.zrevrange(RedisKeys.LEADS_BY_SCORE, offset, (long) offset + limit - 1)
                .thenCompose(ids -> all(ids.stream().map(id -> r.hgetall(RedisKeys.lead(id))).toList()))
                .thenApply(hashes -> hashes.stream().map(LeadHash::toLead).flatMap(Optional::stream).toList());
    }

    private static <T> CompletableFuture<List<T>> all(List<RedisFuture<T>> futures) {
        CompletableFuture<?>[] each = futures.stream().map(RedisFuture::toCompletableFuture)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(each).thenApply(done -> futures.stream()
                .map(f -> f.toCompletableFuture().join()).toList());
    }

    private static Optional<LeadReport> toReport(Map<String, String> h) {
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LeadReport(h.get("entry_id"), h.get("reporter"), h.get("text"),
                    Instant.parse(h.get("received_at")), Instant.parse(h.get("triaged_at")),
                    org.kunnafoni.triage.Language.fromCode(h.get("language"))
                            .orElse(org.kunnafoni.triage.Language.UND),
                    JSON.readValue(h.get("triage"), VIEW)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable triage view of report " + h.get("entry_id"), e);
        }
    }

    private static Set<String> termSet(String joined) {
        return joined.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(" ")));
    }

    private static String json(Map<String, Object> view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

}
