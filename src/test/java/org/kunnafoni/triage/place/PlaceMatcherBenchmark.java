package org.kunnafoni.triage.place;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time per message of {@link PlaceMatcher#best} on one thread, over the evaluation corpus's texts (realistic SMS
 * in every language), written to {@code target/benchmarks/place-matcher.txt}. Not a test: run its {@code main}
 * with the test class path; an optional argument is the measured CPU seconds (default 5). Reports the thread's CPU
 * time as well as wall time: other builds on a shared machine inflate the latter.
 */
public final class PlaceMatcherBenchmark {
    private static final String CORPUS = "/triage/corpus.jsonl";
    private static final int TYPICAL_MIN = 50;
    private static final int TYPICAL_MAX = 200;
    /** Keeps the JIT from dropping calls whose answers nobody reads. */
    private static volatile long blackhole;

    private PlaceMatcherBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        PlaceMatcher matcher = new PlaceMatcher(Gazetteer.loadDefault());
        List<String> all = corpusTexts();
        List<String> typical = all.stream().filter(t -> t.length() >= TYPICAL_MIN && t.length() <= TYPICAL_MAX).toList();
        measure(matcher, all, 2);
        String report = line(matcher, "typical SMS (50-200 chars)", typical, seconds)
                + line(matcher, "whole corpus", all, seconds);
        Path out = Path.of("target/benchmarks/place-matcher.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private static String line(PlaceMatcher matcher, String label, List<String> texts, double seconds) {
        measure(matcher, texts, 1);
        Result r = measure(matcher, texts, seconds);
        blackhole += r.sink();
        return String.format(Locale.ROOT, "place matcher best(), %s: %.2f µs/message CPU (%.2f wall), "
                        + "%.0f messages/s CPU (one thread, %d texts, %d calls, checksum %d)%n",
                label, r.cpuNanos() / 1e3 / r.calls(), r.nanos() / 1e3 / r.calls(), r.calls() / (r.cpuNanos() / 1e9),
                texts.size(), r.calls(), checksum(matcher, texts));
    }

    // Whole passes over the texts until the thread has had its CPU time (a busy machine must not cut the
    // warm-up short), so every text weighs the same.
    private static Result measure(PlaceMatcher matcher, List<String> texts, double seconds) {
        long budget = (long) (seconds * 1e9);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long calls = 0;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - cpuStart < budget) {
            for (String text : texts) {
                sink += matcher.best(text).map(m -> m.start() + 31L * m.name().length()).orElse(-1L);
            }
            calls += texts.size();
        }
        long nanos = System.nanoTime() - start;
        return new Result(calls, nanos, threads.getCurrentThreadCpuTime() - cpuStart, sink);
    }

    // The same for the same answers: a quick check that a speed-up changed nothing.
    private static long checksum(PlaceMatcher matcher, List<String> texts) {
        long sum = 0;
        for (String text : texts) {
            sum = 31 * sum + matcher.best(text).map(m -> (m.name() + m.kind() + m.start() + m.score()).hashCode()).orElse(0);
        }
        return sum;
    }

    private static List<String> corpusTexts() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (InputStream in = PlaceMatcherBenchmark.class.getResourceAsStream(CORPUS);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = json.readTree(line);
                    out.add(node.path("text").asText());
                }
            }
        }
        return out;
    }

    private record Result(long calls, long nanos, long cpuNanos, long sink) {
    }
}
