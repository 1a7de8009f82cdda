package org.kunnafoni.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Sending throughput of the production dispatch pipeline (workers, consent lookup, rate limiter, claim, Twilio
 * sender, record) against a local fake Twilio that accepts everything. The rate limit is at its configured maximum
 * (1,000 segments/s per sender id) and the dispatches are spread over several sender ids so it never binds.
 * Target: ≥ 1,000 messages/s. Args: [messages=20000] [workers=4] [batch=64] [senders=8].
 * Writes target/bench/send-throughput.json.
 */
public final class SendThroughputBenchmark {
    private SendThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String workers = args.length > 1 ? args[1] : "4";
        String batch = args.length > 2 ? args[2] : "64";
        int senders = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Map<String, Object> report = BenchReport.start("send-throughput", "java -Dbench.appendfsync=" + System.getProperty("bench.appendfsync", "always")
                + " -cp target/test-classes:"
                + "target/classes:$(cat target/cp.txt) org.kunnafoni.bench.SendThroughputBenchmark " + n + " "
                + workers + " " + batch + " " + senders);
        report.put("messages", n);
        report.put("workers", workers);
        report.put("appendfsync", System.getProperty("bench.appendfsync", "always"));
        report.put("batch", batch);
        report.put("sender_ids", senders);
        try (DispatchBench bench = new DispatchBench(n + 1_000, Map.of(
                "KUNNAFONI_DISPATCH_SEGMENTS_PER_SECOND", "1000", "KUNNAFONI_DISPATCH_BURST_SEGMENTS", "10000",
                "KUNNAFONI_DISPATCH_WORKERS", workers, "KUNNAFONI_DISPATCH_BATCH", batch), 50)) {
            // warm-up: the JIT and the Twilio client's connection pool
            List<String> warm = bench.plan("bench-warm", 1_000, senders);
            bench.enqueue(warm);
            await(bench, 1_000);
            List<String> ids = bench.plan("bench-send", n, senders);
            CpuMeter cpu = CpuMeter.start();
            long start = System.nanoTime();
            bench.enqueue(ids);
            boolean complete = await(bench, 1_000 + n);
            double seconds = (System.nanoTime() - start) / 1e9;
            // on a shared machine wall time measures the neighbours; CPU per message (JVM incl. fake + Redis) does not
            Map<String, Double> used = cpu.stop();
            report.put("cpu_ms", used);
            report.put("cpu_us_per_message", Math.round((used.get("process") + used.get("redis-server")) * 1000 / n));
            long[] arrivals = bench.twilio.arrivals();
            report.put("complete", complete);
            report.put("seconds", BenchReport.round(seconds, 2));
            report.put("messages_per_second", Math.round((bench.twilio.accepted() - 1_000) / seconds));
            report.put("steady_messages_per_second", steady(arrivals, 1_000));
            LockSupport.parkNanos(2_000_000_000L);
            Map<String, Integer> states = bench.states(ids);
            report.put("states", states);
            report.put("errors", n - states.getOrDefault("accepted", 0));
            report.put("fake_twilio_requests", bench.twilio.accepted() - 1_000);
            report.put("target_met", complete && (bench.twilio.accepted() - 1_000) / seconds >= 1_000
                    && states.getOrDefault("accepted", 0) == n);
        }
        BenchReport.write("send-throughput", report);
        System.exit(0);
    }

    /** Rate between the 10th and the 90th percentile arrival: leaves out the ramp-up and the tail. */
    private static long steady(long[] arrivals, int skip) {
        int n = arrivals.length - skip;
        int a = skip + n / 10;
        int b = skip + n * 9 / 10;
        return b <= a ? 0 : Math.round((b - a) / ((arrivals[b] - arrivals[a]) / 1e9));
    }

    private static boolean await(DispatchBench bench, int total) {
        long deadline = System.nanoTime() + 600_000_000_000L;
        int last = -1;
        long quietSince = System.nanoTime();
        while (bench.twilio.accepted() < total && System.nanoTime() < deadline) {
            int now = bench.twilio.accepted();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > 30_000_000_000L) {
                return false;
            }
            LockSupport.parkNanos(5_000_000);
        }
        return bench.twilio.accepted() >= total;
    }
}
