package org.kunnafoni.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Pacing of the production pipeline: one sender id limited to 10 segments/s with a burst of 1, more one-segment
 * messages queued than 60 s allow, and the arrival time of every accepted send recorded at the fake Twilio.
 * Reports the rate over the 60 s after the first arrival (error in % of the configured rate) and the most sends
 * in any 1 s window (sliding, over arrival times). Target: within ±2 %, never above the rate in any second.
 * Args: [rate=10] [seconds=60] [burst=1] [workers=1] [batch=shipped, 8]. Writes target/bench/pacing.json.
 */
public final class PacingBenchmark {
    private PacingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String burst = args.length > 2 ? args[2] : "1";
        String workers = args.length > 3 ? args[3] : "1";
        // the shipped worker batch unless told otherwise: slots are reserved, so a batch no longer races for one
        String batch = args.length > 4 ? args[4]
                : Integer.toString(org.kunnafoni.dispatch.DispatchSettings.defaults().batch());
        int n = rate * seconds + rate * 10;
        Map<String, Object> report = BenchReport.start("pacing", "java -Dbench.appendfsync=" + System.getProperty("bench.appendfsync", "always")
                + " -cp target/test-classes:target/classes:"
                + "$(cat target/cp.txt) org.kunnafoni.bench.PacingBenchmark " + rate + " " + seconds + " " + burst
                + " " + workers + " " + batch);
        report.put("rate_per_second", rate);
        report.put("seconds", seconds);
        report.put("burst_segments", burst);
        report.put("workers", workers);
        report.put("appendfsync", System.getProperty("bench.appendfsync", "always"));
        report.put("batch", batch);
        try (DispatchBench bench = new DispatchBench(n, Map.of(
                "KUNNAFONI_DISPATCH_SEGMENTS_PER_SECOND", Integer.toString(rate),
                "KUNNAFONI_DISPATCH_BURST_SEGMENTS", burst,
                "KUNNAFONI_DISPATCH_WORKERS", workers, "KUNNAFONI_DISPATCH_BATCH", batch), 20)) {
            List<String> ids = bench.plan("bench-pace", n, 1);
            bench.enqueue(ids);
            while (bench.twilio.accepted() == 0) {
                LockSupport.parkNanos(10_000_000);
            }
            long first = bench.twilio.arrivals()[0];
            LockSupport.parkNanos(seconds * 1_000_000_000L + 2_000_000_000L);
            long[] arrivals = bench.twilio.arrivals();
            long end = first + seconds * 1_000_000_000L;
            int inWindow = 0;
            for (long t : arrivals) {
                inWindow += t < end ? 1 : 0;
            }
            double measured = inWindow / (double) seconds;
            report.put("sent_in_window", inWindow);
            report.put("measured_rate", BenchReport.round(measured, 3));
            report.put("rate_error_percent", BenchReport.round((measured - rate) * 100.0 / rate, 2));
            report.put("max_in_any_1s_window", maxInWindow(arrivals, end));
            report.put("windows_above_rate", windowsAbove(arrivals, end, rate));
            List<Double> firstGaps = new java.util.ArrayList<>();
            for (int i = 1; i < Math.min(arrivals.length, 2 * rate); i++) {
                firstGaps.add(BenchReport.round((arrivals[i] - arrivals[i - 1]) / 1e6, 1));
            }
            report.put("first_gaps_ms", firstGaps);
            report.put("max_in_any_calendar_second", maxInCalendarSecond(arrivals, first, end));
            report.put("min_gap_ms", BenchReport.round(minGap(arrivals, end) / 1e6, 1));
            report.put("target_met", Math.abs(measured - rate) <= rate * 0.02 && maxInWindow(arrivals, end) <= rate);
            // slots reached too late (starvation) vs. a pacing fault: each given-up slot is one send fewer
            String metrics = bench.gateway.get("/metrics").body();
            report.put("slots_given_up", counter(metrics, "kunnafoni_dispatch_slots_given_up_total"));
            report.put("unanswered_sends", counter(metrics, "kunnafoni_dispatch_unanswered_total"));
        }
        BenchReport.write("pacing", report);
        System.exit(0);
    }

    static long counter(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Where any 1 s window holds more than the rate: its first arrival, in seconds after the first arrival. */
    static List<Double> windowsAbove(long[] arrivals, long end, int rate) {
        List<Double> starts = new java.util.ArrayList<>();
        for (int i = 0; i + rate < arrivals.length && arrivals[i + rate] < end; i++) {
            if (arrivals[i + rate] - arrivals[i] < 1_000_000_000L) {
                starts.add(BenchReport.round((arrivals[i] - arrivals[0]) / 1e9, 3));
            }
        }
        return starts;
    }

    /** Most arrivals in any half-open window [t, t + 1 s) starting at an arrival. */
    static int maxInWindow(long[] arrivals, long end) {
        int max = 0;
        int j = 0;
        for (int i = 0; i < arrivals.length && arrivals[i] < end; i++) {
            while (j < arrivals.length && arrivals[j] < end && arrivals[j] < arrivals[i] + 1_000_000_000L) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }

    private static int maxInCalendarSecond(long[] arrivals, long first, long end) {
        int[] counts = new int[(int) ((end - first) / 1_000_000_000L) + 1];
        for (long t : arrivals) {
            if (t < end) {
                counts[(int) ((t - first) / 1_000_000_000L)]++;
            }
        }
        return java.util.Arrays.stream(counts).max().orElse(0);
    }

    private static long minGap(long[] arrivals, long end) {
        long min = Long.MAX_VALUE;
        for (int i = 1; i < arrivals.length && arrivals[i] < end; i++) {
            min = Math.min(min, arrivals[i] - arrivals[i - 1]);
        }
        return min;
    }
}
