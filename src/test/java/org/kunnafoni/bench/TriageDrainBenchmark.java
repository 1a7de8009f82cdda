package org.kunnafoni.bench;

import org.kunnafoni.store.IntakeEntryFields;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.GatewayFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The triage workers' capacity without HTTP in the way: N alerts are appended straight to the intake stream of a
 * gateway started with its workers on, and the time until every one is written into a lead is measured.
 * Prints entries per second; args: [entries] [workers].
 */
public final class TriageDrainBenchmark {
    private TriageDrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String workers = args.length > 1 ? args[1] : "1";
        Path dataDir = Files.createTempDirectory("kunnafoni-drain-bench");
        try (GatewayFixture gateway = new GatewayFixture(dataDir, Map.of("KUNNAFONI_TRIAGE_WORKERS", workers,
                "KUNNAFONI_REDIS_COMMAND_TIMEOUT", "2s"), InstantSource.system())) {
            // as many again first: until the JIT has compiled triage and the Redis client, the compiler's CPU
            // (several seconds) would be most of the figure
            drain(gateway, entries);
            gateway.redis().configResetstat();
            CpuMeter cpu = CpuMeter.start();
            long start = System.nanoTime();
            drain(gateway, entries);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> cpuMillis = cpu.stop();
            System.out.printf("workers=%s entries=%d seconds=%.2f rate=%.0f/s load=%s%n", workers, entries, seconds,
                    entries / seconds, MachineInfo.loadAverage());
            cpuMillis.forEach((group, millis) -> System.out.printf("  cpu %-40s %8.1f ms %7.1f us/entry%n", group,
                    millis, millis * 1000 / entries));
            // Redis commands per entry, the round trips and server work behind the figures above
            for (String line : gateway.redis().info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_")) {
                    long calls = Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(',')));
                    System.out.printf("  redis %-36s %8.2f calls/entry%n", line.substring(8, line.indexOf(':')),
                            (double) calls / entries);
                }
            }
        }
    }

    private static void drain(GatewayFixture gateway, int entries) {
        append(gateway, entries);
        awaitDrained(gateway);
    }

    /**
     * Appends pipelined, 1,000 at a time, so the stream fills far faster than the workers drain it and the
     * figure is the workers' (appending costs show as the "main" and client event-loop groups).
     */
    private static void append(GatewayFixture gateway, int entries) {
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(gateway.gateway().redisUri());
        try (var connection = client.connect()) {
            var async = connection.async();
            List<io.lettuce.core.RedisFuture<String>> chunk = new java.util.ArrayList<>();
            for (int i = 0; i < entries; i++) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put(IntakeEntryFields.CHANNEL, "twilio");
                fields.put(IntakeEntryFields.REPORTER, "R-BENCH" + (i % 500));
                fields.put(IntakeEntryFields.BODY, TriageLatencyBenchmark.text(i));
                fields.put(IntakeEntryFields.RECEIVED_AT, Instant.now().toString());
                chunk.add(async.xadd(RedisKeys.INTAKE_STREAM, fields));
                if (chunk.size() == 1000 || i == entries - 1) {
                    chunk.forEach(f -> f.toCompletableFuture().join());
                    chunk.clear();
                }
            }
        } finally {
            client.shutdown();
        }
    }

    private static void awaitDrained(GatewayFixture gateway) {
        while (!drained(gateway)) {
            LockSupport.parkNanos(50_000_000);
        }
    }

    private static boolean drained(GatewayFixture gateway) {
        // everything delivered and nothing pending = every entry acknowledged, i.e. written (KEYS would stall Redis)
        String last = gateway.redis().xrevrange(RedisKeys.INTAKE_STREAM, io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.create(0, 1)).get(0).getId();
        List<Object> groups = gateway.redis().xinfoGroups(RedisKeys.INTAKE_STREAM);
        String delivered = "";
        for (Object group : groups) {
            List<?> fields = (List<?>) group;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("last-delivered-id".equals(String.valueOf(fields.get(i)))) {
                    delivered = String.valueOf(fields.get(i + 1));
                }
            }
        }
        return last.equals(delivered)
                && gateway.redis().xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount() == 0;
    }
}
