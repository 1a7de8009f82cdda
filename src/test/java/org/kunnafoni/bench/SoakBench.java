package org.kunnafoni.bench;

import io.vertx.core.Vertx;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The soak benchmark (docs/benchmarks.md, "Soak"): the real gateway jar on its embedded Redis with the shipped
 * persistence, a steady open-loop stream of signed Twilio alerts and a campaign paced by the dispatch rate limit,
 * for an hour; heap, RSS, latency and Redis sampled every minute into {@code soak.json}, then totals and verdicts.
 */
@Command(name = "soak-bench", mixinStandardHelpOptions = true,
        description = "One hour of steady alerts plus a campaign against the gateway jar; memory trends, no errors.")
public final class SoakBench implements Callable<Integer> {
    static final String HOTLINE = "+223 20 20 20 20";
    private static final String ADMIN_PASSWORD = "soak-" + HexFormat.of().formatHex(randomBytes(12));

    @Option(names = "--minutes", defaultValue = "60", description = "Length of the load (${DEFAULT-VALUE} min).")
    int minutes;
    @Option(names = "--alert-rate", defaultValue = "500", description = "Alerts per second (${DEFAULT-VALUE}).")
    double alertRate;
    @Option(names = "--campaign-rate", defaultValue = "50", description = "Campaign messages/s (${DEFAULT-VALUE}).")
    int campaignRate;
    @Option(names = "--subscribers", defaultValue = "0",
            description = "Audience size; 0 = enough for the whole run at the campaign rate, +5 %.")
    long subscribers;
    @Option(names = "--sample-seconds", defaultValue = "60", description = "Seconds between samples.")
    int sampleSeconds;
    @Option(names = "--connections", defaultValue = "64", description = "Alert client connections.")
    int connections;
    @Option(names = "--callback-every", defaultValue = "2",
            description = "Every n-th message sent gets a signed 'delivered' callback; 0 = none (${DEFAULT-VALUE}).")
    int callbackEvery;
    @Option(names = "--import-parallel", defaultValue = "4",
            description = "CSV chunks imported at once (each imports its rows one after another) (${DEFAULT-VALUE}).")
    int importParallel;
    @Option(names = "--topic", defaultValue = "schools_safe_places", description = "Campaign topic.")
    String topic;
    @Option(names = "--jar", defaultValue = "target/kunnafoni.jar", description = "Gateway jar.")
    Path jar;
    @Option(names = "--out", defaultValue = "target/bench", description = "Output folder.")
    Path out;
    @Option(names = "--data-dir", defaultValue = "target/soak-data", description = "Gateway data folder (emptied).")
    Path dataDir;
    @Option(names = "--jvm-opt", description = "Extra option of the gateway JVM (repeatable), e.g. -Xmx512m.")
    List<String> jvmOptions = new ArrayList<>();
    @Option(names = "--gateway-env", description = "Extra KUNNAFONI_* variable of the gateway (repeatable).")
    Map<String, String> gatewayEnv = new LinkedHashMap<>();
    @Option(names = "--reproduce", defaultValue = "src/bench/soak/run.sh", description = "Command for the report.")
    String reproduce;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SoakBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        SoakRun.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        int segments = TemplateLibrary.loadDefault().render("awareness", topic, Language.FRA, Map.of("hotline", HOTLINE))
                .cost().segments();
        long audience = subscribers > 0 ? subscribers : (long) Math.ceil(minutes * 60.0 * campaignRate * 1.05);
        SoakReport report = new SoakReport(out.resolve("soak.json"), reproduce, parameters(segments, audience));
        Vertx vertx = Vertx.vertx();
        String token = HexFormat.of().formatHex(randomBytes(16));
        try (SoakTwilio twilio = new SoakTwilio(vertx, token, callbackEvery)) {
            return new SoakRun(this, report, vertx, twilio, token, segments, audience).run();
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> parameters(int segments, long audience) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("minutes", minutes);
        p.put("alert_rate_per_s", alertRate);
        p.put("alert_client", "Vert.x HttpClient, open loop (latency from each alert's scheduled time), "
                + connections + " connections, 30 s timeout");
        p.put("alert_texts", "signed Twilio webhooks, distinct MessageSid, " + SoakTexts.distinctTexts(10_000)
                + " distinct texts in the first 10,000 (fra, bam, eng, ara, ffm; a few not alerts), "
                + SoakTexts.SENDERS + " senders");
        p.put("campaign_rate_msgs_per_s", campaignRate);
        p.put("campaign_topic", topic + " (fra, " + segments + " segments)");
        p.put("dispatch_segments_per_second", campaignRate * segments);
        p.put("subscribers", audience);
        p.put("audience_path", "POST /api/subscribers/import, CSV chunks of " + SoakSetup.CHUNK + ", "
                + importParallel + " at a time");
        p.put("delivered_callbacks", callbackEvery == 0 ? "none" : "every " + callbackEvery + " sends");
        p.put("sample_seconds", sampleSeconds);
        p.put("redis", "embedded, shipped persistence (appendonly, appendfsync always)");
        p.put("gateway_jvm_options", jvmOptions);
        p.put("gateway_env_extra", gatewayEnv);
        p.put("driver_max_heap_bytes", Runtime.getRuntime().maxMemory());
        return p;
    }

    /** The gateway's environment: only these variables, so the caller's shell cannot change the run. */
    Map<String, String> gatewayEnvironment(int port, int redisPort, String token, String twilioBase, int segments) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KUNNAFONI_HTTP_HOST", "127.0.0.1");
        env.put("KUNNAFONI_HTTP_PORT", Integer.toString(port));
        env.put("KUNNAFONI_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("KUNNAFONI_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("KUNNAFONI_DATA_KEY", Base64.getEncoder().encodeToString(randomBytes(32)));
        env.put("KUNNAFONI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("KUNNAFONI_REDIS_EMBEDDED_PORT", Integer.toString(redisPort));
        env.put("KUNNAFONI_TWILIO_AUTH_TOKEN", token);
        env.put("KUNNAFONI_TWILIO_ACCOUNT_SID", SoakTwilio.ACCOUNT);
        env.put("KUNNAFONI_TWILIO_FROM", "KUNNAFONI");
        env.put("KUNNAFONI_TWILIO_API_BASE_URL", twilioBase);
        // the sender's rate is in segments: 50 messages/s of a 2-segment text is 100 segments/s
        env.put("KUNNAFONI_DISPATCH_SEGMENTS_PER_SECOND", Integer.toString(campaignRate * segments));
        // the run must send the whole hour whatever the time of day in Bamako
        env.put("KUNNAFONI_DISPATCH_QUIET_HOURS", "00:00-00:00");
        gatewayEnv.forEach((k, v) -> env.put(k.startsWith("KUNNAFONI_") ? k : "KUNNAFONI_" + k, v));
        return env;
    }

    List<String> gatewayCommand() {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        return command;
    }

    String adminPassword() {
        return ADMIN_PASSWORD;
    }

    static long driverCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    static int freePort() {
        return FreePorts.next();
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static void log(String format, Object... args) {
        System.out.println("[soak " + java.time.LocalTime.now().withNano(0) + "] " + String.format(format, args));
    }
}
