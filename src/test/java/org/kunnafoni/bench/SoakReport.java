package org.kunnafoni.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The soak's figures: one sample a minute, rewritten to {@code soak.json} after each so an interrupted hour still
 * leaves its data, then totals and the verdicts. Memory verdict: the least-squares slope over the second half of the
 * run (after start-up, JIT and the campaign fan-out), per hour; "flat" when it is under {@link #GROWTH_LIMIT} of
 * the mean per hour. Redis grows with what it stores by design, so its check is that used memory is a straight
 * line in the data stored (alerts, sent dispatches) — bytes per item constant — not flat.
 */
final class SoakReport {
    static final double GROWTH_LIMIT = 0.05;
    static final double LINEAR_R2 = 0.98;
    static final int MIN_TREND_POINTS = 5;
    private static final Pattern LOG_LEVEL = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (WARN|ERROR) .*");

    /** The numbers the verdicts are computed from, one per sample. */
    record Point(double hours, double liveHeap, double heapUsed, double rss, double redisUsed, double alertsStored,
                 double dispatchesSent) {
    }

    private final Path file;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();

    SoakReport(Path file, String command, Map<String, Object> parameters) {
        this.file = file;
        json.put("benchmark", "soak");
        json.put("complete", false);
        json.put("started_at", java.time.Instant.now().toString());
        json.put("command", command);
        json.put("machine", MachineInfo.collect("wrk"));
        json.put("parameters", parameters);
        json.put("samples", samples);
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    void sample(Map<String, Object> sample, Point point) throws IOException {
        samples.add(sample);
        points.add(point);
        write();
    }

    static Map<String, Object> latency(Histogram h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        for (double q : new double[]{50, 95, 99, 99.9}) {
            out.put("p" + (q == 99.9 ? "999" : Integer.toString((int) q)), ms(h.getValueAtPercentile(q)));
        }
        out.put("max", ms(h.getMaxValue()));
        out.put("mean", BenchReport.round(h.getMean() / 1000.0, 3));
        return out;
    }

    private static double ms(long micros) {
        return BenchReport.round(micros / 1000.0, 3);
    }

    /** Trends over the second half of the samples (at least the last {@link #MIN_TREND_POINTS} when there are). */
    Map<String, Object> trends() {
        List<Point> half = points.subList(points.size() / 2, points.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", half.isEmpty() ? "no samples" : String.format("samples %d–%d of %d (%.1f–%.1f min)",
                points.size() / 2 + 1, points.size(), points.size(), half.get(0).hours() * 60,
                half.get(half.size() - 1).hours() * 60));
        out.put("growth_limit_per_hour", GROWTH_LIMIT);
        out.put("live_heap", growth(half, Point::liveHeap));
        Map<String, Object> used = growth(half, Point::heapUsed);
        // garbage not yet collected saw-tooths between collections: shown, never judged
        used.put("verdict", "not judged (saw-tooth of uncollected garbage; see live_heap)");
        out.put("heap_used", used);
        out.put("rss", growth(half, Point::rss));
        out.put("redis_memory", redisLinearity(half));
        return out;
    }

    private static Map<String, Object> growth(List<Point> half, ToDoubleFunction<Point> y) {
        Trend t = Trend.line(half.stream().mapToDouble(Point::hours).toArray(), half.stream().mapToDouble(y).toArray());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("points", t.points());
        out.put("mean_mb", BenchReport.round(t.mean() / 1e6, 1));
        out.put("slope_mb_per_hour", BenchReport.round(t.slope() / 1e6, 2));
        out.put("slope_share_of_mean_per_hour", BenchReport.round(t.slope() / t.mean(), 4));
        out.put("r2", BenchReport.round(t.r2(), 3));
        out.put("verdict", t.points() < MIN_TREND_POINTS ? "too few samples to judge (need " + MIN_TREND_POINTS
                + " in the second half; run longer)"
                : t.slope() / t.mean() < GROWTH_LIMIT ? "flat: no growth trend" : "GROWING");
        return out;
    }

    private static Map<String, Object> redisLinearity(List<Point> half) {
        double[] fit = Trend.plane(half.stream().mapToDouble(Point::alertsStored).toArray(),
                half.stream().mapToDouble(Point::dispatchesSent).toArray(),
                half.stream().mapToDouble(Point::redisUsed).toArray());
        Trend alone = Trend.line(half.stream().mapToDouble(Point::alertsStored).toArray(),
                half.stream().mapToDouble(Point::redisUsed).toArray());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bytes_per_stored_alert", Double.isNaN(fit[0]) ? null : Math.round(fit[0]));
        out.put("bytes_per_sent_dispatch", Double.isNaN(fit[1]) ? null : Math.round(fit[1]));
        out.put("r2", Double.isNaN(fit[3]) ? null : BenchReport.round(fit[3], 4));
        out.put("bytes_per_stored_alert_alone", Double.isNaN(alone.slope()) ? null : Math.round(alone.slope()));
        out.put("r2_alerts_alone", BenchReport.round(alone.r2(), 4));
        double r2 = Double.isNaN(fit[3]) ? alone.r2() : fit[3];
        out.put("verdict", half.size() < MIN_TREND_POINTS ? "too few samples to judge"
                : r2 >= LINEAR_R2 ? "linear in stored data (grows with alerts and dispatches stored, by design)"
                : "NOT linear in stored data: look for a leak");
        return out;
    }

    /** WARN and ERROR lines of the gateway log: how many, and the first few. */
    static Map<String, Object> logProblems(Path log) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> lines;
        try (var all = Files.lines(log)) {
            lines = all.filter(l -> LOG_LEVEL.matcher(l).matches()).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            out.put("unreadable", e.toString());
            return out;
        }
        out.put("warn", lines.stream().filter(l -> l.contains(" WARN ")).count());
        out.put("error", lines.stream().filter(l -> l.contains(" ERROR ")).count());
        out.put("first", lines.stream().filter(l -> !l.contains("DataKeys")).limit(10).toList());
        return out;
    }

    void complete() throws IOException {
        json.put("complete", true);
        write();
    }

    void write() throws IOException {
        json.put("loadavg_now", MachineInfo.loadAverage());
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), json);
        Files.move(tmp, tmp.resolveSibling(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
