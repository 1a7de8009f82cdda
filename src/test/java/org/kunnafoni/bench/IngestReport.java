package org.kunnafoni.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Gathers the figures of one benchmark run, judges them against the targets, writes JSON and a summary. */
final class IngestReport {
    static final double RATIO_TARGET = 0.4;
    static final double P99_TARGET_MS = 10.0;

    private final IngestBench options;
    private final Map<String, Object> machine;
    private final String startedAt = Instant.now().toString();
    private ServerRun bare;
    private GatewayRun gateway;
    private Map<String, Double> domainSteps = Map.of();

    IngestReport(IngestBench options, Map<String, Object> machine) {
        this.options = options;
        this.machine = new LinkedHashMap<>(machine);
    }

    /** A warm-up and a measured wrk run against one server. */
    record ServerRun(WrkRun.Result warmup, WrkRun.Result main, ServerProcess.CpuTime cpu) {
    }

    /** The gateway's runs plus what it stored: XLEN after the load, /ready, intake counters, AOF size. */
    record GatewayRun(WrkRun.Result warmup, WrkRun.Result main, ServerProcess.CpuTime cpu, long streamEntries,
                      String ready,
                      Map<String, Double> intakeMetrics, long aofBytes, long measuredBodies) {
        /** Every 200 wrk counted, warm-up included: both runs append to the same stream. */
        long acknowledged() {
            return warmup.status(200) + main.status(200);
        }

        long lost() {
            return Math.max(0, acknowledged() - streamEntries);
        }

        long exhausted() {
            return warmup.exhausted() + main.exhausted();
        }
    }

    void bare(ServerRun run) {
        this.bare = run;
    }

    void gateway(GatewayRun run) {
        this.gateway = run;
    }

    void domainSteps(Map<String, Double> cpuMicrosPerCall) {
        this.domainSteps = cpuMicrosPerCall;
    }

    void machineAfter(String loadAverage) {
        machine.put("loadavg_after", loadAverage);
    }

    /** Prometheus lines of the intake and Twilio counters, e.g. kunnafoni_intake_alerts_stored_total. */
    static Map<String, Double> intakeMetrics(String prometheus) {
        Map<String, Double> metrics = new TreeMap<>();
        prometheus.lines()
                .filter(line -> line.startsWith("kunnafoni_intake") || line.startsWith("kunnafoni_spool")
                        || line.startsWith("kunnafoni_twilio"))
                .forEach(line -> {
                    int space = line.lastIndexOf(' ');
                    metrics.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                });
        return metrics;
    }

    Double ratio() {
        return bare == null ? null : gateway.main().requestsPerSecond() / bare.main().requestsPerSecond();
    }

    boolean ratioMet() {
        return ratio() != null && ratio() >= RATIO_TARGET;
    }

    boolean p99Met() {
        return gateway.main().latencyMillis("p99") < P99_TARGET_MS;
    }

    boolean noLoss() {
        return gateway.lost() == 0 && gateway.exhausted() == 0;
    }

    boolean targetsMet() {
        return ratioMet() && p99Met() && noLoss();
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "ingest");
        json.put("started_at", startedAt);
        json.put("command", options.reproduce);
        json.put("machine", machine);
        json.put("parameters", parameters());
        if (bare != null) {
            json.put("bare", serverJson(bare.warmup(), bare.main(), bare.cpu()));
        }
        json.put("gateway", serverJson(gateway.warmup(), gateway.main(), gateway.cpu()));
        json.put("ratio_gateway_to_bare", ratio());
        json.put("domain_steps_cpu_us_per_message", domainSteps);
        json.put("delivery", delivery());
        json.put("targets", targets());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("load_generator", "wrk");
        p.put("wrk_threads", options.threads);
        p.put("wrk_connections", options.connections);
        p.put("duration_s", options.durationSeconds);
        p.put("warmup_s", options.warmupSeconds);
        p.put("wrk_timeout_s", options.timeoutSeconds);
        p.put("http_event_loops", options.eventLoops());
        p.put("bare_endpoint", options.bareMode);
        p.put("redis", "embedded, appendonly yes, appendfsync " + options.appendfsync
                + (options.noAofRewrite ? ", automatic AOF rewrites off (experiment)" : ""));
        p.put("jfr", options.jfr);
        p.put("gateway_jvm_options", options.gatewayJvmOptions);
        p.put("sender_limit", options.senderLimit < 0 ? "config default" : options.senderLimit);
        p.put("triage_workers", options.triageWorkers < 0 ? "config default" : options.triageWorkers);
        p.put("request", "POST " + IngestBench.TWILIO_PATH + ", 13 Twilio form fields, signed, distinct MessageSid");
        p.put("gateway_measured_bodies", gateway.measuredBodies());
        return p;
    }

    private static Map<String, Object> serverJson(WrkRun.Result warmup, WrkRun.Result main, ServerProcess.CpuTime cpu) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("requests_per_s", round(main.requestsPerSecond()));
        s.put("requests", main.requests());
        s.put("duration_s", round(main.seconds()));
        Map<String, Object> latency = new LinkedHashMap<>();
        for (String key : new String[]{"p50", "p90", "p99", "p999", "mean", "max"}) {
            latency.put(key, round(main.latencyMillis(key)));
        }
        s.put("latency_ms", latency);
        s.put("errors", Map.of("non_2xx", main.non2xx(), "socket", main.socketErrors()));
        s.put("cpu_us_per_request", Map.of("server_jvm", cpuPerRequest(cpu.server(), main),
                "redis", cpuPerRequest(cpu.children(), main)));
        s.put("cpu_us_per_request_by_thread_group", byThreadGroup(cpu, main));
        s.put("statuses", main.raw().path("statuses"));
        s.put("wrk", main.raw());
        s.put("wrk_command", main.command());
        s.put("warmup", Map.of("requests_per_s", round(warmup.requestsPerSecond()), "requests", warmup.requests(),
                "statuses", warmup.raw().path("statuses"), "socket_errors", warmup.socketErrors()));
        return s;
    }

    private Map<String, Object> delivery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("acknowledged_200", gateway.acknowledged());
        d.put("stream_entries", gateway.streamEntries());
        d.put("lost", gateway.lost());
        d.put("stored_unacknowledged", Math.max(0, gateway.streamEntries() - gateway.acknowledged()));
        d.put("bodies_exhausted", gateway.exhausted());
        d.put("ready_after", gateway.ready());
        d.put("gateway_metrics", gateway.intakeMetrics());
        d.put("aof_bytes", gateway.aofBytes());
        d.put("note", "acknowledged counts warm-up and measured runs; stored_unacknowledged are requests in flight "
                + "when wrk stopped (stored, answer never read)");
        return d;
    }

    private Map<String, Object> targets() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("ratio_min", RATIO_TARGET);
        t.put("ratio_met", bare == null ? null : ratioMet());
        t.put("p99_max_ms", P99_TARGET_MS);
        t.put("p99_met", p99Met());
        t.put("zero_loss_met", noLoss());
        return t;
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("ingest benchmark: wrk -t%d -c%d, %d s (+%d s warm-up), %d HTTP event loops, "
                        + "appendfsync %s, load %s -> %s%n", options.threads, options.connections,
                options.durationSeconds, options.warmupSeconds, options.eventLoops(), options.appendfsync,
                machine.get("loadavg_before"), machine.get("loadavg_after")));
        s.append(String.format("%-8s %10s %9s %9s %9s %8s %8s %9s %9s%n", "", "req/s", "p50 ms", "p99 ms", "max ms",
                "non-2xx", "socket", "cpu us/r", "redis us"));
        if (bare != null) {
            s.append(row("plain".equals(options.bareMode) ? "bare" : "bare-rtr", bare.main(), bare.cpu()));
        }
        s.append(row("gateway", gateway.main(), gateway.cpu()));
        s.append(String.format("ratio gateway/bare: %s (target >= %.1f: %s); gateway p99 %.2f ms (target < %.0f ms: %s)%n",
                ratio() == null ? "n/a" : String.format("%.3f", ratio()), RATIO_TARGET,
                bare == null ? "n/a" : verdict(ratioMet()), gateway.main().latencyMillis("p99"), P99_TARGET_MS,
                verdict(p99Met())));
        s.append(String.format("domain steps (signature, keywords, E.164, pseudonym, encryption): %.1f CPU us "
                + "per message of the gateway's %.1f%n", domainSteps.getOrDefault("total", Double.NaN),
                cpuPerRequest(gateway.cpu().server(), gateway.main())));
        s.append(String.format("gateway JVM CPU us/request by thread group: %s%n",
                byThreadGroup(gateway.cpu(), gateway.main())));
        s.append(String.format("delivery: %,d acknowledged (200), %,d stream entries, lost %d, exhausted %d (%s)",
                gateway.acknowledged(), gateway.streamEntries(), gateway.lost(), gateway.exhausted(),
                verdict(noLoss())));
        return s.toString();
    }

    private static String row(String name, WrkRun.Result r, ServerProcess.CpuTime cpu) {
        return String.format("%-8s %,10.0f %9.2f %9.2f %9.2f %8d %8d %9.1f %9.1f%n", name, r.requestsPerSecond(),
                r.latencyMillis("p50"), r.latencyMillis("p99"), r.latencyMillis("max"), r.non2xx(), r.socketErrors(),
                cpuPerRequest(cpu.server(), r), cpuPerRequest(cpu.children(), r));
    }

    private static Map<String, Double> byThreadGroup(ServerProcess.CpuTime cpu, WrkRun.Result r) {
        Map<String, Double> groups = new TreeMap<>();
        cpu.threads().forEach((group, time) -> groups.put(group, cpuPerRequest(time, r)));
        return groups;
    }

    /** Microseconds of CPU per answered request, during the measured run. */
    private static double cpuPerRequest(java.time.Duration cpu, WrkRun.Result r) {
        return r.requests() == 0 ? 0 : round(cpu.toNanos() / 1000.0 / r.requests());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
