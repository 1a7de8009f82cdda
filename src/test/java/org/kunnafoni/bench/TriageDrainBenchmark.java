package org.kunnafoni.bench;

import org.kunnafoni.store.IntakeEntryFields;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.GatewayFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
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
            drain(gateway, 2_000);
            long start = System.nanoTime();
            drain(gateway, entries);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("workers=%s entries=%d seconds=%.2f rate=%.0f/s%n", workers, entries, seconds,
                    entries / seconds);
        }
    }

    private static void drain(GatewayFixture gateway, int entries) {
        for (int i = 0; i < entries; i++) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(IntakeEntryFields.CHANNEL, "twilio");
            fields.put(IntakeEntryFields.REPORTER, "R-BENCH" + (i % 500));
            fields.put(IntakeEntryFields.BODY, TriageLatencyBenchmark.text(i));
            fields.put(IntakeEntryFields.RECEIVED_AT, Instant.now().toString());
            gateway.redis().xadd(RedisKeys.INTAKE_STREAM, fields);
        }
        while (!drained(gateway)) {
            LockSupport.parkNanos(50_000_000);
        }
    }

    private static boolean drained(GatewayFixture gateway) {
        String last = gateway.redis().xrevrange(RedisKeys.INTAKE_STREAM, io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.create(0, 1)).get(0).getId();
        return gateway.redis().xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount() == 0
                && gateway.redis().keys("{leads:*}:report:" + last).size() == 1;
    }
}
