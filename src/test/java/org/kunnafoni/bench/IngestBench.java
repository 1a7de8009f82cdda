package org.kunnafoni.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.FreePorts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The ingest benchmark (docs/benchmarks.md): the same wrk load of signed Twilio webhooks against a bare Vert.x
 * form endpoint and against the real gateway ({@code java -jar kunnafoni.jar serve}, embedded Redis), then
 * checks that every 200 the gateway gave is an entry in the intake stream. Writes {@code ingest.json}.
 */
@Command(name = "ingest-bench", mixinStandardHelpOptions = true,
        description = "Sustained Twilio webhook load: gateway vs bare Vert.x, plus an acknowledged-vs-stored check.")
public final class IngestBench implements Callable<Integer> {
    static final String TWILIO_PATH = "/channels/twilio/sms";

    @Option(names = "--jar", defaultValue = "target/kunnafoni.jar", description = "Gateway jar (${DEFAULT-VALUE}).")
    Path jar;
    @Option(names = "--script", defaultValue = "src/bench/ingest/twilio.lua", description = "wrk Lua script.")
    Path script;
    @Option(names = "--out", defaultValue = "target/bench", description = "Output folder (${DEFAULT-VALUE}).")
    Path out;
    @Option(names = "--wrk", defaultValue = "wrk", description = "wrk executable.")
    String wrk;
    @Option(names = "--threads", defaultValue = "2", description = "wrk threads (${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--connections", defaultValue = "64", description = "wrk connections (${DEFAULT-VALUE}).")
    int connections;
    @Option(names = "--duration", defaultValue = "30", description = "Seconds per measured run (${DEFAULT-VALUE}).")
    int durationSeconds;
    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of warm-up per server (${DEFAULT-VALUE}).")
    int warmupSeconds;
    @Option(names = "--timeout", defaultValue = "10", description = "wrk request timeout, s (${DEFAULT-VALUE}).")
    int timeoutSeconds;
    @Option(names = "--appendfsync", defaultValue = "always", description = "Embedded Redis appendfsync: always | everysec.")
    String appendfsync;
    @Option(names = "--http-instances", defaultValue = "0",
            description = "HTTP event loops of both servers; 0 = the gateway's default with its embedded Redis "
                    + "(one per core less one, at least one).")
    int httpInstances;
    @Option(names = "--jfr", description = "Record the gateway with Java Flight Recorder into <out>/gateway.jfr.")
    boolean jfr;
    @Option(names = "--skip-bare", description = "Measure the gateway only (experiments); no ratio.")
    boolean skipBare;
    @Option(names = "--bare", defaultValue = "plain", description = "Baseline endpoint: plain (core HTTP server, the "
            + "benchmark's baseline) or router (Vert.x Web Router + BodyHandler, for comparison) (${DEFAULT-VALUE}).")
    String bareMode;
    @Option(names = "--max-rate", defaultValue = "80000",
            description = "Highest request rate bodies are generated for (${DEFAULT-VALUE}/s).")
    int maxRate;
    @Option(names = "--sender-limit", defaultValue = "-1",
            description = "intake.sender-limit of the gateway (0 = off); -1 keeps config/gateway.yaml's.")
    int senderLimit;
    @Option(names = "--triage-workers", defaultValue = "-1",
            description = "triage.workers of the gateway (0 = intake only); -1 keeps config/gateway.yaml's.")
    int triageWorkers;
    @Option(names = "--gateway-jvm-option", description = "Extra JVM option for the gateway (repeatable), "
            + "e.g. --gateway-jvm-option=-XX:+UseParallelGC.")
    List<String> gatewayJvmOptions = new ArrayList<>();
    @Option(names = "--no-aof-rewrite", description = "Experiment: turn the embedded Redis's automatic AOF rewrites "
            + "off (CONFIG SET auto-aof-rewrite-percentage 0) once the gateway is ready, to see what they cost; the "
            + "shipped configuration rewrites.")
    boolean noAofRewrite;
    @Option(names = "--keep-data", description = "Keep the gateway's temporary data folder.")
    boolean keepData;
    @Option(names = "--reproduce", defaultValue = "src/bench/ingest/run.sh",
            description = "Command recorded in the report as the way to reproduce this run.")
    String reproduce;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IngestBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("plain", "router").contains(bareMode)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--bare: plain or router, not " + bareMode);
        }
        Files.createDirectories(out);
        Path bodies = Files.createDirectories(out.resolve("bodies"));
        IngestReport report = new IngestReport(this, MachineInfo.collect(wrk));
        int gatewayPort = FreePorts.next();
        String token = HexFormat.of().formatHex(randomBytes(16));
        SignedBodies signer = new SignedBodies(token, "http://127.0.0.1:" + gatewayPort + TWILIO_PATH,
                HexFormat.of().formatHex(randomBytes(4)));
        long warmupBodies = (long) warmupSeconds * maxRate;
        log("writing %,d signed bodies for the warm-ups", warmupBodies);
        signer.write(bodies.resolve("warmup"), threads, 0, warmupBodies);
        WrkRun wrkRun = new WrkRun(wrk, script, threads, connections, Duration.ofSeconds(timeoutSeconds));
        if (!skipBare) {
            report.bare(runBare(wrkRun, bodies.resolve("warmup")));
        }
        report.gateway(runGateway(wrkRun, signer, gatewayPort, token, bodies, warmupBodies));
        report.machineAfter(MachineInfo.loadAverage());
        log("measuring the CPU cost of the per-message domain steps");
        report.domainSteps(CostBreakdown.measure());
        Path json = out.resolve("ingest.json");
        report.write(json);
        System.out.println(report.summary());
        System.out.println("report: " + json);
        return report.targetsMet() ? 0 : 1;
    }

    private IngestReport.ServerRun runBare(WrkRun wrkRun, Path bodies) throws Exception {
        int port = FreePorts.next();
        List<String> command = List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                BareVertxServer.class.getName(), Integer.toString(port), Integer.toString(eventLoops()), bareMode);
        try (ServerProcess bare = ServerProcess.start("bare", command, Map.of(), out.resolve("bare.log"))) {
            bare.awaitReady(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(60));
            URI url = URI.create("http://127.0.0.1:" + port + TWILIO_PATH);
            return measure("bare", bare, wrkRun, url, bodies, "cycle");
        }
    }

    private IngestReport.GatewayRun runGateway(WrkRun wrkRun, SignedBodies signer, int port, String token,
                                               Path bodies, long warmupBodies) throws Exception {
        int redisPort = FreePorts.next();
        Path dataDir = Files.createTempDirectory("kunnafoni-bench-");
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        if (jfr) {
            command.add("-XX:FlightRecorderOptions=stackdepth=512");
            command.add("-XX:StartFlightRecording=filename=" + out.resolve("gateway.jfr").toAbsolutePath()
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(gatewayJvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "KUNNAFONI_HTTP_HOST", "127.0.0.1",
                "KUNNAFONI_HTTP_PORT", Integer.toString(port),
                "KUNNAFONI_PUBLIC_URL", "http://127.0.0.1:" + port,
                "KUNNAFONI_DATA_DIR", dataDir.toString(),
                "KUNNAFONI_TWILIO_AUTH_TOKEN", token,
                "KUNNAFONI_DATA_KEY", Base64.getEncoder().encodeToString(randomBytes(32)),
                "KUNNAFONI_REDIS_EMBEDDED_PORT", Integer.toString(redisPort),
                "KUNNAFONI_REDIS_EMBEDDED_APPENDFSYNC", appendfsync,
                "KUNNAFONI_HTTP_INSTANCES", Integer.toString(httpInstances)));
        if (senderLimit >= 0) {
            env.put("KUNNAFONI_INTAKE_SENDER_LIMIT", Integer.toString(senderLimit));
        }
        if (triageWorkers >= 0) {
            env.put("KUNNAFONI_TRIAGE_WORKERS", Integer.toString(triageWorkers));
        }
        URI base = URI.create("http://127.0.0.1:" + port);
        try (ServerProcess gateway = ServerProcess.start("gateway", command, env, out.resolve("gateway.log"))) {
            gateway.awaitReady(base.resolve("/ready"), Duration.ofSeconds(90));
            if (noAofRewrite) {
                configSet(redisPort, "auto-aof-rewrite-percentage", "0");
            }
            URI url = base.resolve(TWILIO_PATH);
            WrkRun.Result warm = wrkRun.run(url, Duration.ofSeconds(warmupSeconds), bodies.resolve("warmup"), "once",
                    out.resolve("wrk-gateway-warmup.log"));
            long mainBodies = mainBodyCount(warm);
            log("gateway warm-up: %,.0f req/s; writing %,d signed bodies for the measured run",
                    warm.requestsPerSecond(), mainBodies);
            signer.write(bodies.resolve("gateway"), threads, warmupBodies, mainBodies);
            ServerProcess.CpuTime before = gateway.cpuTime();
            WrkRun.Result main = wrkRun.run(url, Duration.ofSeconds(durationSeconds), bodies.resolve("gateway"),
                    "once", out.resolve("wrk-gateway.log"));
            ServerProcess.CpuTime cpu = gateway.cpuTime().minus(before);
            log("gateway: %,.0f req/s", main.requestsPerSecond());
            long stored = settledStreamLength(redisPort);
            String ready = get(base.resolve("/ready"));
            String metrics = get(base.resolve("/metrics"));
            IngestReport.GatewayRun run = new IngestReport.GatewayRun(warm, main, cpu, stored, ready,
                    IngestReport.intakeMetrics(metrics), aofBytes(dataDir), mainBodies);
            return run;
        } finally {
            if (!keepData) {
                deleteTree(dataDir);
            }
        }
    }

    private IngestReport.ServerRun measure(String name, ServerProcess server, WrkRun wrkRun, URI url, Path bodies,
                                           String mode) throws Exception {
        WrkRun.Result warm = wrkRun.run(url, Duration.ofSeconds(warmupSeconds), bodies, mode,
                out.resolve("wrk-" + name + "-warmup.log"));
        ServerProcess.CpuTime before = server.cpuTime();
        WrkRun.Result main = wrkRun.run(url, Duration.ofSeconds(durationSeconds), bodies, mode,
                out.resolve("wrk-" + name + ".log"));
        ServerProcess.CpuTime cpu = server.cpuTime().minus(before);
        log("%s: %,.0f req/s", name, main.requestsPerSecond());
        return new IngestReport.ServerRun(warm, main, cpu);
    }

    /**
     * Enough distinct MessageSids for the measured run: 4× the warm-up rate (the JIT is still warming then; on
     * a busy machine a warm-up measured 70× less than the run after it), at least 35,000/s (a cold 5 s warm-up
     * once measured 3,800/s before a run at 21,700/s, and 20,000/s ran out), and never more than the configured
     * ceiling. Running out is detected and reported, never hidden.
     */
    private long mainBodyCount(WrkRun.Result warm) {
        long ceiling = (long) maxRate * durationSeconds;
        long floor = 35_000L * durationSeconds;
        return Math.min(ceiling, Math.max(floor, (long) (warm.requestsPerSecond() * durationSeconds * 4) + 50_000));
    }

    private static void configSet(int redisPort, String name, String value) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().configSet(name, value);
        } finally {
            client.shutdown();
        }
    }

    /** XLEN once in-flight requests have landed: two equal reads 300 ms apart, at most 30 reads. */
    private static long settledStreamLength(int redisPort) throws InterruptedException {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            long previous = -1;
            for (int read = 0; read < 30; read++) {
                long length = connection.sync().xlen(RedisKeys.INTAKE_STREAM);
                if (length == previous) {
                    return length;
                }
                previous = length;
                Thread.sleep(300);
            }
            return previous;
        } finally {
            client.shutdown();
        }
    }

    int eventLoops() {
        return org.kunnafoni.app.HttpInstances.resolve(httpInstances, true, Runtime.getRuntime().availableProcessors());
    }

    private static String get(URI url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long aofBytes(Path dataDir) throws IOException {
        Path redis = dataDir.resolve("redis");
        if (!Files.isDirectory(redis)) {
            return -1;
        }
        try (var files = Files.walk(redis)) {
            return files.filter(Files::isRegularFile).filter(p -> p.toString().contains(".aof"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static void log(String format, Object... args) {
        System.out.println("[ingest-bench] " + String.format(format, args));
    }
}
