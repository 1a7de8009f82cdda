package org.kunnafoni.bench;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.campaign.Campaign;
import org.kunnafoni.campaign.CampaignRun;
import org.kunnafoni.campaign.CampaignStatus;
import org.kunnafoni.campaign.CampaignStore;
import org.kunnafoni.campaign.FanOut;
import org.kunnafoni.campaign.Schedule;
import org.kunnafoni.store.EmbeddedRedis;
import org.kunnafoni.store.RedisAudience;
import org.kunnafoni.store.RedisCampaignStore;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDispatchQueue;
import org.kunnafoni.store.RedisDispatchStore;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisLink;
import org.kunnafoni.store.RedisRunPlans;
import org.kunnafoni.store.RedisRunProgress;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plans a campaign run for N subscribers with the production fan-out (FanOut over the Redis stores, as the
 * scheduler calls it) on an embedded Redis with the shipped persistence, and reports the planning time and the
 * heap high-water mark (planning is lazy: the run's texts once, then one compact stream entry per recipient). Target: 1,000,000 subscribers in ≤ 10 s with a heap ≤ 256 MB (run it with -Xmx256m).
 * Args: [subscribers=1000000] [page=500] [appendfsync=always]. Writes target/bench/campaign-fanout.json.
 */
public final class CampaignFanOutBenchmark {
    private static final List<String> REGIONS = List.of("gao", "mopti", "tombouctou", "kidal");
    private static final List<Language> LANGUAGES = List.of(Language.FRA, Language.BAM);
    private static final Instant DUE = Instant.parse("2026-11-30T12:00:00Z");
    private static final int SADD_CHUNK = 1_000;

    private CampaignFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int page = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String fsync = args.length > 2 ? args[2] : "always";
        Map<String, Object> report = BenchReport.start("campaign-fanout", "java -Xmx256m -cp target/test-classes:"
                + "target/classes:$(cat target/cp.txt) org.kunnafoni.bench.CampaignFanOutBenchmark "
                + subscribers + " " + page + " " + fsync);
        report.put("subscribers", subscribers);
        report.put("page", page);
        report.put("appendfsync", fsync);
        Path data = Files.createTempDirectory("kunnafoni-fanout-bench");
        try (EmbeddedRedis server = EmbeddedRedis.start(data, 0, fsync);
             RedisConnector redis = new RedisConnector(server.uri(), Duration.ofSeconds(30))) {
            long loadStart = System.nanoTime();
            load(redis, subscribers);
            report.put("load_seconds", BenchReport.round((System.nanoTime() - loadStart) / 1e9, 2));
            RedisDispatchStore dispatches = new RedisDispatchStore(redis, new RedisRunProgress(redis));
            RedisCampaignStore store = new RedisCampaignStore(redis, dispatches);
            try (RedisDispatchQueue queue = new RedisDispatchQueue(redis, Duration.ofMinutes(3))) {
                String runId = schedule(store);
                FanOut fanOut = new FanOut(store, new RedisAudience(redis), new RedisRunPlans(redis), queue,
                        TemplateLibrary.loadDefault(), "twilio", "KUNNAFONI", InstantSource.fixed(DUE), page,
                        Duration.ofMinutes(5));
                BenchReport.resetPeakHeap();
                CpuMeter cpu = CpuMeter.start();
                long start = System.nanoTime();
                CampaignRun.Status status = fanOut.run(new CampaignStore.Claimed(runId, false));
                double seconds = (System.nanoTime() - start) / 1e9;
                // on a shared machine the wall time measures the neighbours: CPU time of the JVM and of Redis
                report.put("cpu_ms", cpu.stop());
                report.put("status", status.id());
                report.put("plan_seconds", BenchReport.round(seconds, 2));
                report.put("recipients_per_second", Math.round(subscribers / seconds));
                report.put("peak_heap_mb", BenchReport.round(BenchReport.peakHeap() / 1048576.0, 1));
                // lazy planning: recipients counted and queued; dispatch hashes are created by the workers
                report.put("recipients_planned", redis.async().scard(RedisKeys.campaignRunRecipients(runId))
                        .toCompletableFuture().get());
                report.put("progress_planned", store.progress(runId).toCompletableFuture().get().planned());
                report.put("queued", redis.async().xlen(RedisKeys.DISPATCH_STREAM).toCompletableFuture().get());
                report.put("redis_used_memory", usedMemory(redis));
                report.put("target_met", seconds <= 10 && Runtime.getRuntime().maxMemory() <= 256L << 20
                        && BenchReport.peakHeap() <= 256L << 20);
            }
        }
        BenchReport.write("campaign-fanout", report);
        System.exit(0);
    }

    /** SADD of 1,000 members per command on one connection flushed by hand: the load is not what is measured. */
    private static void load(RedisConnector redis, int subscribers) throws Exception {
        RedisLink connection = redis.newConnection();
        connection.setAutoFlushCommands(false);
        RedisClusterAsyncCommands<String, String> async = connection.async();
        int cells = REGIONS.size() * LANGUAGES.size();
        List<CompletableFuture<Long>> pending = new ArrayList<>();
        for (int from = 0; from < subscribers; from += SADD_CHUNK) {
            int cell = (from / SADD_CHUNK) % cells;
            String key = RedisKeys.audience(REGIONS.get(cell / LANGUAGES.size()),
                    LANGUAGES.get(cell % LANGUAGES.size()).code());
            String[] members = new String[Math.min(SADD_CHUNK, subscribers - from)];
            for (int i = 0; i < members.length; i++) {
                members[i] = String.format("R-%012d", from + i);
            }
            pending.add(async.sadd(key, members).toCompletableFuture());
            if (pending.size() == 100) {
                connection.flushCommands();
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                pending.clear();
            }
        }
        connection.flushCommands();
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        connection.close();
    }

    private static String schedule(RedisCampaignStore store) {
        Campaign c = new Campaign("C-00000000bench", "child_recruitment", Map.of("hotline", "36000"), REGIONS, LANGUAGES,
                new Schedule.OneOff(DUE), Duration.ofHours(24), false, CampaignStatus.CREATED, "bench", DUE);
        store.create(c).toCompletableFuture().join();
        store.scheduleRun(c.id(), DUE).toCompletableFuture().join();
        store.updateStatus(c.id(), CampaignStatus.SCHEDULED).toCompletableFuture().join();
        return CampaignRun.idFor(c.id(), DUE);
    }

    private static String usedMemory(RedisConnector redis) throws Exception {
        return redis.async().info("memory").toCompletableFuture().get().lines()
                .filter(l -> l.startsWith("used_memory_human:")).findFirst().orElse("unknown").trim();
    }
}
