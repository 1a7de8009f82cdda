package org.kunnafoni.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One soak run: gateway up, audience imported, campaign created, then the alert load with a sample a minute, then
 * the totals. The gateway and its Redis are stopped on every path out (and their pids are written to
 * {@code soak.pids} so the run script can stop them even when this JVM is killed).
 */
final class SoakRun {
    private final SoakBench options;
    private final SoakReport report;
    private final Vertx vertx;
    private final SoakTwilio twilio;
    private final String token;
    private final int segments;
    private final long audience;
    private final int port = SoakBench.freePort();
    private final int redisPort = SoakBench.freePort();
    private final URI base;
    private final Path gatewayLog;
    private long previousGatewayCpu;
    private long previousRedisCpu;
    private long previousDriverCpu;
    private double previousLeads;
    private long maxInOneSecond;
    private final Map<String, Long> cpuTotals = new LinkedHashMap<>();

    SoakRun(SoakBench options, SoakReport report, Vertx vertx, SoakTwilio twilio, String token, int segments,
            long audience) {
        this.options = options;
        this.report = report;
        this.vertx = vertx;
        this.twilio = twilio;
        this.token = token;
        this.segments = segments;
        this.audience = audience;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.gatewayLog = options.out.resolve("soak-gateway.log");
    }

    int run() throws Exception {
        Map<String, String> env = options.gatewayEnvironment(port, redisPort, token, twilio.baseUrl(), segments);
        SoakBench.log("starting the gateway on port %d (Redis %d), data in %s, log %s", port, redisPort,
                options.dataDir, gatewayLog);
        try (ServerProcess gateway = ServerProcess.start("gateway", options.gatewayCommand(), env, gatewayLog)) {
            Thread stopOnSignal = new Thread(() -> stopQuietly(gateway), "soak-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            gateway.awaitReady(base.resolve("/ready"), Duration.ofSeconds(120));
            long pid = gatewayPid();
            try (SoakProbe probe = new SoakProbe(pid, base.resolve("/metrics"), redisPort)) {
                writePids(pid, probe.redisPid());
                int status = soak(pid, probe);
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
                return status;
            }
        } finally {
            Files.deleteIfExists(pidFile());
        }
    }

    private int soak(long pid, SoakProbe probe) throws Exception {
        SoakSetup setup = new SoakSetup(base);
        setup.login("admin", options.adminPassword());
        SoakBench.log("importing %,d subscribers through the CSV import API", audience);
        Duration imported = setup.importAudience(audience, options.importParallel);
        report.put("audience", Map.of("subscribers", audience, "import_seconds", imported.toMillis() / 1000.0,
                "rows_per_second", Math.round(audience / (imported.toMillis() / 1000.0))));
        SoakBench.log("imported in %.1f s", imported.toMillis() / 1000.0);
        JsonNode campaign = setup.createCampaign(options.topic, SoakBench.HOTLINE, Instant.now().plusSeconds(3));
        String campaignId = campaign.path("campaign").path("id").asText();
        report.put("campaign_created", campaign);
        SoakBench.log("campaign %s created, %s recipients", campaignId,
                campaign.path("preview").path("total_recipients").asText("?"));

        SoakTexts texts = new SoakTexts(token, base + IngestBench.TWILIO_PATH,
                HexFormat.of().formatHex(SoakBench.randomBytes(4)));
        SoakAlerts alerts = new SoakAlerts(vertx, texts, base.resolve(IngestBench.TWILIO_PATH), options.alertRate,
                options.connections);
        try {
            return load(pid, probe, alerts, setup, campaignId);
        } finally {
            alerts.close();
        }
    }

    private int load(long pid, SoakProbe probe, SoakAlerts alerts, SoakSetup setup, String campaignId)
            throws Exception {
        resetCpu(pid, probe);
        previousLeads = leads(probe.metrics());
        long start = System.nanoTime();
        alerts.start();
        SoakBench.log("load started: %.0f alerts/s for %d min, a sample every %d s", options.alertRate,
                options.minutes, options.sampleSeconds);
        long total = options.minutes * 60L;
        for (long at = options.sampleSeconds; at <= total; at += options.sampleSeconds) {
            sleepUntil(start + at * 1_000_000_000L);
            sample(pid, probe, alerts, (System.nanoTime() - start) / 1e9);
        }
        long unanswered = alerts.stop(60_000);
        SoakBench.log("load stopped; %d alerts still unanswered after 60 s", unanswered);
        return finish(probe, alerts, setup, campaignId, unanswered, (System.nanoTime() - start) / 1e9);
    }

    private void sample(long pid, SoakProbe probe, SoakAlerts alerts, double elapsed) throws IOException {
        SoakAlerts.Minute minute = alerts.minute();
        SoakTwilio.Minute sends = twilio.minute();
        maxInOneSecond = Math.max(maxInOneSecond, sends.maxInOneSecond());
        Map<String, Object> heap = probe.heap();
        Map<String, Long> rss = SoakProbe.rss(pid);
        Map<String, Object> redis = probe.redis();
        Map<String, Double> metrics = probe.metrics();
        Optional<Long> redisPid = probe.redisPid();
        redisPid.ifPresent(p -> redis.putAll(Map.of("rss_bytes", SoakProbe.rss(p).getOrDefault("rss_bytes", -1L))));
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("elapsed_s", BenchReport.round(elapsed, 1));
        sample.put("at", Instant.now().toString());
        sample.put("alerts", Map.of("sent", minute.sent(), "acknowledged", minute.acknowledged(),
                "errors", minute.errors(), "errors_by_cause", minute.errorsByCause()));
        sample.put("latency_ms", SoakReport.latency(minute.latencyMicros()));
        Map<String, Object> gateway = new LinkedHashMap<>(heap);
        gateway.putAll(rss);
        long gatewayCpu = SoakProbe.cpuMillis(pid);
        long redisCpu = redisPid.map(SoakProbe::cpuMillis).orElse(0L);
        long driverCpu = SoakBench.driverCpuMillis();
        gateway.put("cpu_ms", gatewayCpu - previousGatewayCpu);
        cpuTotals.merge("gateway_ms", gatewayCpu - previousGatewayCpu, Long::sum);
        cpuTotals.merge("redis_ms", redisCpu - previousRedisCpu, Long::sum);
        cpuTotals.merge("driver_ms", driverCpu - previousDriverCpu, Long::sum);
        sample.put("gateway", gateway);
        redis.put("cpu_ms", redisCpu - previousRedisCpu);
        sample.put("redis", redis);
        sample.put("driver_cpu_ms", driverCpu - previousDriverCpu);
        previousGatewayCpu = gatewayCpu;
        previousRedisCpu = redisCpu;
        previousDriverCpu = driverCpu;
        double leads = leads(metrics);
        sample.put("leads_written", Math.round(leads - previousLeads));
        previousLeads = leads;
        sample.put("dispatches_sent", sends.accepted());
        sample.put("dispatches_max_in_one_second", sends.maxInOneSecond());
        sample.put("fake_twilio", twilio.counters());
        sample.put("gateway_metrics", metrics);
        sample.put("loadavg", MachineInfo.loadAverage());
        report.sample(sample, new SoakReport.Point(elapsed / 3600.0, number(heap.get("live_after_last_gc_bytes")),
                number(heap.get("used_bytes")), rss.getOrDefault("rss_bytes", -1L),
                number(redis.get("used_memory")), number(redis.get("intake_stream_length")), twilio.accepted()));
        SoakBench.log("%5.0f s: alerts sent %,d ok %,d errors %d, p50 %.1f p99 %.1f max %.1f ms | heap %s MB live %s MB,"
                        + " RSS %d MB | Redis %d MB, stream %,d | sent %,d (max %d/s) | leads +%d | load %s",
                elapsed, minute.sent(), minute.acknowledged(), minute.errors(),
                minute.latencyMicros().getValueAtPercentile(50) / 1000.0,
                minute.latencyMicros().getValueAtPercentile(99) / 1000.0, minute.latencyMicros().getMaxValue() / 1000.0,
                mb(heap.get("used_bytes")), mb(heap.get("live_after_last_gc_bytes")),
                rss.getOrDefault("rss_bytes", 0L) >> 20, (long) number(redis.get("used_memory")) >> 20,
                redis.get("intake_stream_length"), sends.accepted(), sends.maxInOneSecond(),
                sample.get("leads_written"), MachineInfo.loadAverage());
    }

    private int finish(SoakProbe probe, SoakAlerts alerts, SoakSetup setup, String campaignId, long unanswered,
                       double seconds) throws Exception {
        long stored = settledIntake(probe);
        long acknowledged = alerts.acknowledgedTotal();
        long errors = alerts.errorsTotal().values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("load_seconds", BenchReport.round(seconds, 1));
        totals.put("alerts_sent", alerts.sentTotal());
        totals.put("alerts_acknowledged", acknowledged);
        totals.put("alerts_in_stream", stored);
        totals.put("alerts_lost", Math.max(0, acknowledged - stored));
        totals.put("stored_unacknowledged", Math.max(0, stored - acknowledged));
        totals.put("alert_errors", errors);
        totals.put("alert_errors_by_cause", alerts.errorsTotal());
        totals.put("alerts_unanswered_at_end", unanswered);
        Histogram latency = alerts.totalLatency();
        totals.put("latency_ms", SoakReport.latency(latency));
        Map<String, Object> cpu = new LinkedHashMap<>(cpuTotals);
        cpu.put("gateway_us_per_acknowledged_alert", acknowledged == 0 ? null
                : Math.round(cpuTotals.getOrDefault("gateway_ms", 0L) * 1000.0 / acknowledged));
        cpu.put("redis_us_per_acknowledged_alert", acknowledged == 0 ? null
                : Math.round(cpuTotals.getOrDefault("redis_ms", 0L) * 1000.0 / acknowledged));
        cpu.put("note", "CPU over the sampled minutes, campaign sending and triage included");
        totals.put("cpu", cpu);
        Map<String, Object> redis = probe.redis();
        totals.put("redis", redis);
        totals.put("gateway_metrics", probe.metrics());
        totals.put("campaign", campaignTotals(setup, campaignId, seconds));
        Map<String, Object> logProblems = SoakReport.logProblems(gatewayLog);
        totals.put("gateway_log", logProblems);
        report.put("totals", totals);
        Map<String, Object> trends = report.trends();
        report.put("trends", trends);
        boolean noErrors = errors == 0 && unanswered == 0 && acknowledged <= stored && twilio.callbacksFailed() == 0
                && twilio.otherRequests() == 0 && ((Number) redis.get("intake_dead_letters")).longValue() == 0
                && ((Number) logProblems.getOrDefault("error", 0L)).longValue() == 0;
        boolean noGrowth = trends.values().stream().filter(Map.class::isInstance).map(Map.class::cast)
                .noneMatch(t -> String.valueOf(t.get("verdict")).matches("GROWING|NOT linear.*"));
        report.put("verdict", Map.of("no_errors", noErrors, "no_growth_trend", noGrowth,
                "loadavg_after", MachineInfo.loadAverage()));
        report.complete();
        SoakBench.log("done: %,d acknowledged, %,d in the stream, lost %d, errors %d; latency p50 %.1f p99 %.1f max %.1f"
                        + " ms; campaign %,d sent; verdict: %s, %s; report %s", acknowledged, stored,
                Math.max(0, acknowledged - stored), errors, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, twilio.accepted(),
                noErrors ? "no errors" : "ERRORS", noGrowth ? "no growth trend" : "GROWTH", options.out.resolve("soak.json"));
        return noErrors && noGrowth ? 0 : 1;
    }

    private Map<String, Object> campaignTotals(SoakSetup setup, String campaignId, double seconds) {
        Map<String, Object> out = new LinkedHashMap<>(twilio.counters());
        out.put("configured_msgs_per_s", options.campaignRate);
        out.put("achieved_msgs_per_s_first_to_last_send", BenchReport.round(twilio.averageRate(), 2));
        out.put("achieved_msgs_per_s_over_load", BenchReport.round(twilio.accepted() / seconds, 2));
        out.put("max_in_one_second", maxInOneSecond);
        try {
            out.put("api_view", setup.campaign(campaignId));
        } catch (IOException | RuntimeException e) {
            out.put("api_view_error", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    /** XLEN once the answers in flight and the spool have landed: two equal reads a second apart, at most 60. */
    private static long settledIntake(SoakProbe probe) throws InterruptedException {
        long previous = -1;
        for (int read = 0; read < 60; read++) {
            long length = probe.intakeLength();
            double spool = probe.metrics().getOrDefault("kunnafoni_spool_depth", 0.0);
            if (length == previous && spool == 0) {
                return length;
            }
            previous = length;
            Thread.sleep(1_000);
        }
        return previous;
    }

    private void resetCpu(long pid, SoakProbe probe) {
        previousGatewayCpu = SoakProbe.cpuMillis(pid);
        previousRedisCpu = probe.redisPid().map(SoakProbe::cpuMillis).orElse(0L);
        previousDriverCpu = SoakBench.driverCpuMillis();
    }

    private static double leads(Map<String, Double> metrics) {
        return metrics.getOrDefault("kunnafoni_leads_opened_total", 0.0)
                + metrics.getOrDefault("kunnafoni_leads_attached_total", 0.0);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String mb(Object bytes) {
        return bytes instanceof Number n ? Long.toString(n.longValue() >> 20) : "?";
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000));
        }
    }

    /** The gateway JVM: the child of this process running the jar. */
    private long gatewayPid() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("serve")).orElse(false))
                .map(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("gateway process not found"));
    }

    private Path pidFile() {
        return options.out.resolve("soak.pids");
    }

    /** For run.sh's trap: the pids to stop if this JVM dies without stopping them itself. */
    private void writePids(long gateway, Optional<Long> redis) throws IOException {
        Files.writeString(pidFile(), gateway + "\n" + redis.map(p -> p + "\n").orElse(""));
    }

    private void stopQuietly(ServerProcess gateway) {
        try {
            SoakBench.log("interrupted: stopping the gateway");
            report.put("interrupted_at", Instant.now().toString());
            report.write();
            gateway.close();
        } catch (Exception e) {
            System.err.println("could not stop the gateway cleanly: " + e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
