package org.kunnafoni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.TriageEngine;
import org.kunnafoni.triage.TriageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code eval-triage}: scores the triage engine against the labelled corpus (per-category precision, recall and
 * F1, macro-F1, region accuracy, urgent recall, language accuracy) and measures single-thread throughput.
 * Writes {@code target/bench/triage-eval.json}.
 */
@Command(name = "eval-triage", mixinStandardHelpOptions = true,
        description = "Evaluate triage on the labelled corpus and measure its speed on one thread.")
public final class EvalTriageCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--corpus", defaultValue = "src/test/resources/triage/corpus.jsonl",
            description = "Labelled corpus, one JSON object per line (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--out", defaultValue = "target/bench/triage-eval.json", description = "Report file.")
    Path out;

    @Option(names = "--errors", description = "Print every misclassified line.")
    boolean errors;

    @Option(names = "--split", defaultValue = "all", description = "Which part of the corpus: dev (odd ids, may be "
            + "looked at while improving lexicons), test (even ids, never looked at) or all (default).")
    String split;

    @Option(names = "--speed-seconds", defaultValue = "5", description = "How long to measure throughput (0 = skip).")
    int speedSeconds;

    record Labelled(String id, String text, String language, Category category, String region, String priority) {
    }

    @Override
    public Integer call() throws Exception {
        List<Labelled> items = read(corpus).stream().filter(this::inSplit).toList();
        if (items.isEmpty()) {
            System.err.println("eval-triage: no corpus lines for split '" + split + "' (use dev, test or all)");
            return 2;
        }
        TriageEngine engine = TriageEngine.loadDefault();
        Map<Category, int[]> counts = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            counts.put(c, new int[3]); // true positives, false positives, false negatives
        }
        int regionRight = 0;
        int languageRight = 0;
        int urgent = 0;
        int urgentFound = 0;
        int urgentPredicted = 0;
        for (Labelled item : items) {
            TriageResult r = engine.triage(item.text(), Optional.empty());
            Category predicted = r.category();
            if (predicted == item.category()) {
                counts.get(predicted)[0]++;
            } else {
                counts.get(predicted)[1]++;
                counts.get(item.category())[2]++;
            }
            boolean regionOk = Objects.equals(r.region().orElse(null), item.region());
            regionRight += regionOk ? 1 : 0;
            languageRight += r.language().language().code().equals(item.language()) ? 1 : 0;
            boolean predictedUrgent = r.priority().priority().id().equals("urgent");
            urgentPredicted += predictedUrgent ? 1 : 0;
            if ("urgent".equals(item.priority())) {
                urgent++;
                urgentFound += predictedUrgent ? 1 : 0;
            }
            if (errors && (predicted != item.category() || !regionOk)) {
                System.out.printf("%s  want %s/%s got %s/%s  %s%n", item.id(), item.category().id(), item.region(),
                        predicted.id(), r.region().orElse(null), item.text());
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("corpus", corpus.toString());
        report.put("split", split);
        report.put("messages", items.size());
        Map<String, Object> perCategory = new LinkedHashMap<>();
        double f1Sum = 0;
        System.out.printf("%-28s %9s %9s %9s %7s%n", "category", "precision", "recall", "f1", "support");
        for (Map.Entry<Category, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1Sum += f1;
            perCategory.put(e.getKey().id(), Map.of("precision", round(precision), "recall", round(recall),
                    "f1", round(f1), "support", c[0] + c[2]));
            System.out.printf("%-28s %9.3f %9.3f %9.3f %7d%n", e.getKey().id(), precision, recall, f1, c[0] + c[2]);
        }
        double macroF1 = f1Sum / counts.size();
        report.put("per_category", perCategory);
        report.put("macro_f1", round(macroF1));
        report.put("region_accuracy", round((double) regionRight / items.size()));
        report.put("language_accuracy", round((double) languageRight / items.size()));
        report.put("urgent_recall", round(urgent == 0 ? 0 : (double) urgentFound / urgent));
        report.put("urgent_precision", round(urgentPredicted == 0 ? 0 : (double) urgentFound / urgentPredicted));
        report.put("targets", Map.of("macro_f1", 0.85, "region_accuracy", 0.9, "urgent_recall", 0.9,
                "messages_per_second_one_core", 20000));
        if (speedSeconds > 0) {
            report.put("messages_per_second_one_core", throughput(engine, items));
        }
        report.put("reproduce", "java -jar target/kunnafoni.jar eval-triage --split " + split);
        System.out.printf("macro-F1 %.3f  region accuracy %.3f  urgent recall %.3f  language accuracy %.3f%n",
                macroF1, (double) regionRight / items.size(), urgent == 0 ? 0 : (double) urgentFound / urgent,
                (double) languageRight / items.size());
        if (report.containsKey("messages_per_second_one_core")) {
            System.out.printf("throughput on one thread: %s messages/s%n", report.get("messages_per_second_one_core"));
        }
        if (!"all".equals(split) && out.toString().equals("target/bench/triage-eval.json")) {
            out = Path.of("target/bench/triage-eval-" + split + ".json");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), report);
        System.out.println("written to " + out);
        return 0;
    }

    /**
     * Single thread, after a warm-up, over the corpus texts in a loop: no I/O, as the issue measures it. Counted
     * against the thread's CPU time, so other work on the machine does not distort "messages per second on one core".
     */
    private long throughput(TriageEngine engine, List<Labelled> items) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long warmUntil = cpu.getCurrentThreadCpuTime() + 2_000_000_000L;
        int i = 0;
        while (cpu.getCurrentThreadCpuTime() < warmUntil) {
            engine.triage(items.get(i++ % items.size()).text(), Optional.empty());
        }
        long start = cpu.getCurrentThreadCpuTime();
        long end = start + speedSeconds * 1_000_000_000L;
        long done = 0;
        while (cpu.getCurrentThreadCpuTime() < end) {
            for (int k = 0; k < 100; k++) {
                engine.triage(items.get((int) (done++ % items.size())).text(), Optional.empty());
            }
        }
        return Math.round(done / ((cpu.getCurrentThreadCpuTime() - start) / 1e9));
    }

    /** Odd-numbered ids form the dev half, even-numbered the held-out test half. */
    private boolean inSplit(Labelled item) {
        if ("all".equals(split)) {
            return true;
        }
        int number = Integer.parseInt(item.id().replaceAll("\\D", ""));
        return "dev".equals(split) == (number % 2 == 1) && ("dev".equals(split) || "test".equals(split));
    }

    private static List<Labelled> read(Path file) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<Labelled> items = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            items.add(new Labelled(n.get("id").asText(), n.get("text").asText(), n.get("language").asText(),
                    Category.fromId(n.get("category").asText()).orElseThrow(),
                    n.get("region").isNull() ? null : n.get("region").asText(), n.get("priority").asText()));
        }
        return items;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
