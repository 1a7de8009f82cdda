package org.kunnafoni.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.Forms;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * "Alert received → lead written, p99 ≤ 100 ms at 1,000 alerts/s": a gateway in this JVM (embedded Redis, the
 * shipped defaults), signed Twilio webhooks sent at a steady rate by a paced client, then every report's
 * {@code triaged_at − received_at}. Writes target/bench/triage-latency.json.
 *
 * <p>Run: {@code mvn -o -q test-compile && java -cp target/test-classes:target/classes:<test classpath>
 * org.kunnafoni.bench.TriageLatencyBenchmark [rate] [seconds] [workers] [warm-up seconds]}
 */
public final class TriageLatencyBenchmark {
    private static final String[] TEMPLATES = {
            "Des hommes armés ont enlevé %d enfants à %s ce matin",
            "%2$s: %1$d enfants blessés par une mine sur la route du marché",
            "Les jihadistes recrutent des garçons de %d ans à %s pour garder le poste",
            "L'école de %2$s a été brûlée par des hommes armés, %1$d élèves sans classe",
            "Une fille de %d ans a été violée par des soldats près de %s",
            "Le convoi d'aide a été bloqué à %2$s, %1$d camions pillés",
            "Un enfant perdu de %d ans est au marché de %s, personne ne le connait",
            "Bonjour, merci pour le crédit, je suis à %2$s (%1$d)",
            "Cɛ marifalaw ye denmisɛn %d minɛ %s",
            "Armed men took %d children from %s last night",
    };
    private static final String[] PLACES = {"Boni", "Gossi", "Ménaka", "Douentza", "Ansongo", "Kidal", "Tessalit",
            "Niono", "Koutiala", "Kayes", "Bandiagara", "Léré", "Gao", "Tombouctou", "Diré", "Andéramboukane"};

    private TriageLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String workers = args.length > 2 ? args[2] : "1";
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path dataDir = Files.createTempDirectory("kunnafoni-triage-bench");
        try (GatewayFixture gateway = new GatewayFixture(dataDir, Map.of("KUNNAFONI_TRIAGE_WORKERS", workers,
                "KUNNAFONI_HTTP_INSTANCES", "0", "KUNNAFONI_REDIS_COMMAND_TIMEOUT", "2s"), InstantSource.system())) {
            // the JIT compiles triage's hot paths in the first seconds; those reports are not counted
            Map<String, Object> warm = send(gateway, rate, warmup, 0);
            waitUntilTriaged(gateway.redis(), ((Number) warm.get("accepted")).longValue(), Duration.ofSeconds(120));
            Instant measuredFrom = Instant.now();
            double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            CpuMeter cpu = CpuMeter.start();
            Map<String, Object> sent = send(gateway, rate, seconds, (long) rate * warmup);
            double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            waitUntilTriaged(gateway.redis(), ((Number) warm.get("accepted")).longValue()
                    + ((Number) sent.get("accepted")).longValue(), Duration.ofSeconds(120));
            Map<String, Double> cpuMillis = cpu.stop();
            Map<String, List<Long>> bySecond = new java.util.TreeMap<>();
            List<Long> fromStream = new ArrayList<>();
            List<Long> latencies = latencies(gateway.redis(), measuredFrom, bySecond, fromStream);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("measured_at", Instant.now().toString());
            out.put("target", "received_at → triaged_at p99 <= 100 ms at " + rate + " alerts/s");
            out.put("rate_per_second", rate);
            out.put("seconds", seconds);
            out.put("triage_workers", Integer.parseInt(workers));
            out.put("cpus", Runtime.getRuntime().availableProcessors());
            out.put("warmup_seconds_not_counted", warmup);
            out.put("load_average_before_after", List.of(loadBefore, loadAfter));
            out.putAll(sent);
            out.put("reports", latencies.size());
            out.put("leads", gateway.redis().zcard(RedisKeys.LEADS_BY_SCORE));
            out.put("latency_ms", percentiles(latencies));
            // the same, from the moment intake appended the entry (its stream id) — the triage workers' share
            Collections.sort(fromStream);
            out.put("stream_to_written_ms", percentiles(fromStream));
            // a backlog shows as latency growing with the time sent; a steady state as flat buckets
            Map<String, Object> buckets = new LinkedHashMap<>();
            bySecond.forEach((second, values) -> {
                Collections.sort(values);
                buckets.put(second, at(values, 0.50) + " / " + at(values, 0.99));
            });
            out.put("p50_p99_ms_by_5s_sent", buckets);
            // time the workers gave way to a saturated intake (triage.busy-intake-waiting): 0 unless intake piled up
            out.put("triage_yielded_seconds", metric(gateway, "kunnafoni_triage_yielded_seconds_total"));
            // CPU of the whole run (client included): where the machine's time went, per accepted alert
            long alerts = Math.max(1, ((Number) sent.get("accepted")).longValue());
            Map<String, Object> perAlert = new LinkedHashMap<>();
            cpuMillis.forEach((group, millis) -> perAlert.put(group, Math.round(millis * 1000 / alerts * 10) / 10.0));
            out.put("cpu_us_per_alert", perAlert);
            Path file = Path.of("target/bench/triage-latency.json");
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
            System.out.println(Files.readString(file));
        }
    }

    private static double metric(GatewayFixture gateway, String name) throws Exception {
        return gateway.get("/metrics").body().lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(name.length() + 1).trim())).orElse(Double.NaN);
    }

    /** Paced open-loop client: request i leaves at start + i/rate whether or not earlier answers came back. */
    private static Map<String, Object> send(GatewayFixture gateway, int rate, int seconds, long firstId)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + gateway.gateway().httpPort() + "/channels/twilio/sms");
        String signedUrl = gateway.publicUrl("/channels/twilio/sms");
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        long maxBehind = 0;
        for (long n = 0; n < total; n++) {
            long i = firstId + n;
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                maxBehind = Math.max(maxBehind, -wait);
            }
            Map<String, String> params = GatewayFixture.twilioSms("SMbench" + i,
                    "+2237" + String.format("%07d", i % 5000), text(i));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", TwilioSigner.sign(GatewayFixture.AUTH_TOKEN, signedUrl, params))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(params))).build();
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 200) {
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }));
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null).get(60, java.util.concurrent.TimeUnit.SECONDS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sent", total);
        out.put("accepted", accepted.get());
        out.put("failed", failed.get());
        out.put("send_seconds", Math.round(sendSeconds * 100) / 100.0);
        out.put("client_max_behind_ms", maxBehind / 1_000_000);
        return out;
    }

    static String text(long i) {
        String template = TEMPLATES[(int) (i % TEMPLATES.length)];
        String place = PLACES[(int) ((i / TEMPLATES.length) % PLACES.length)];
        return String.format(template, 2 + i % 7, place);
    }

    private static void waitUntilTriaged(RedisCommands<String, String> redis, long expected, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() - end < 0) {
            long pending = redis.xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount();
            if (pending == 0 && countReports(redis) >= expected) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        System.err.println("deadline passed before every alert was triaged");
    }

    private static long countReports(RedisCommands<String, String> redis) {
        return reportKeys(redis).size();
    }

    private static List<String> reportKeys(RedisCommands<String, String> redis) {
        List<String> keys = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches("{leads:*}:report:*").limit(5000));
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    private static List<Long> latencies(RedisCommands<String, String> redis, Instant from,
                                        Map<String, List<Long>> bySecond, List<Long> fromStream) {
        List<Long> out = new ArrayList<>();
        for (String key : reportKeys(redis)) {
            List<KeyValue<String, String>> times = redis.hmget(key, "received_at", "triaged_at");
            Instant received = Instant.parse(times.get(0).getValue());
            if (received.isBefore(from)) {
                continue;
            }
            long millis = Duration.between(received, Instant.parse(times.get(1).getValue())).toMillis();
            out.add(millis);
            String entryId = key.substring(key.lastIndexOf(':') + 1);
            long appendedMs = Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
            fromStream.add(Instant.parse(times.get(1).getValue()).toEpochMilli() - appendedMs);
            long bucket = Duration.between(from, received).toSeconds() / 5 * 5;
            bySecond.computeIfAbsent(String.format("%03d", bucket), b -> new ArrayList<>()).add(millis);
        }
        Collections.sort(out);
        return out;
    }

    private static Map<String, Object> percentiles(List<Long> sorted) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (sorted.isEmpty()) {
            return out;
        }
        out.put("p50", at(sorted, 0.50));
        out.put("p95", at(sorted, 0.95));
        out.put("p99", at(sorted, 0.99));
        out.put("max", sorted.get(sorted.size() - 1));
        out.put("mean", Math.round(sorted.stream().mapToLong(Long::longValue).average().orElse(0) * 10) / 10.0);
        return out;
    }

    private static long at(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
