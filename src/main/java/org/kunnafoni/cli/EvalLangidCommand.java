package org.kunnafoni.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kunnafoni.cli.langid.FrancBench;
import org.kunnafoni.cli.langid.HeldOutSnippet;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.language.LanguageIdentifier;
import org.kunnafoni.triage.language.SmsVariants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Accuracy of our language identifier and of franc, side by side, per language and snippet length, on the
 * held-out snippets written by {@code train-langid}; also our throughput. Writes {@code target/bench/langid.json}.
 */
@Command(name = "eval-langid", mixinStandardHelpOptions = true,
        description = "Compare the language identifier with franc on the held-out snippets.")
public final class EvalLangidCommand implements Callable<Integer> {
    @Option(names = "--heldout", defaultValue = "src/test/resources/langid/heldout.tsv", description = "Held-out snippets (default: ${DEFAULT-VALUE}).")
    Path heldOut;

    @Option(names = "--model", description = "Model file (default: the one on the classpath).")
    Path model;

    @Option(names = "--franc-src", defaultValue = "src/bench/franc", description = "franc runner sources (default: ${DEFAULT-VALUE}).")
    Path francSource;

    @Option(names = "--franc-dir", defaultValue = "target/franc-bench", description = "Where franc is installed (default: ${DEFAULT-VALUE}).")
    Path francDir;

    @Option(names = "--no-franc", description = "Skip franc (no Node on this machine).")
    boolean noFranc;

    @Option(names = "--errors", description = "Print every snippet we get wrong, with our reasons.")
    boolean printErrors;

    @Option(names = "--min-margin", description = "Try another evidence threshold (nats per n-gram) instead of the default.")
    Double minMargin;

    @Option(names = "--out", defaultValue = "target/bench/langid.json", description = "Report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<HeldOutSnippet> snippets = HeldOutSnippet.readTsv(heldOut);
        Files.createDirectories(out.toAbsolutePath().getParent());
        LanguageIdentifier identifier = withThreshold(loadIdentifier());
        double perSecond = throughput(identifier, snippets);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("snippets", snippets.size());
        report.put("ours_messages_per_second", Math.round(perSecond));
        System.out.println("== held-out snippets as written");
        report.put("cells", compare(identifier, snippets, heldOut));
        // The same snippets as typed on a phone: accents and special letters dropped, abbreviations.
        List<HeldOutSnippet> sms = new ArrayList<>();
        snippets.forEach(s -> sms.add(LanguageIdentifier.scriptLanguage(s.text()).isPresent() ? s
                : new HeldOutSnippet(s.language(), s.length(), SmsVariants.smsStyle(s.language(), s.text()))));
        Path smsFile = out.toAbsolutePath().getParent().resolve("langid-sms.tsv");
        HeldOutSnippet.writeTsv(smsFile, sms);
        System.out.println("== the same snippets in SMS spelling");
        report.put("sms_cells", compare(identifier, sms, smsFile));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
        System.out.printf("ours: %.0f messages/s on one thread; report in %s%n", perSecond, out);
        return 0;
    }

    private List<Map<String, Object>> compare(LanguageIdentifier identifier, List<HeldOutSnippet> snippets, Path tsv)
            throws IOException, InterruptedException {
        List<Language> ours = new ArrayList<>(snippets.size());
        snippets.forEach(s -> ours.add(identifier.identify(s.text(), Optional.empty()).language()));
        if (printErrors) {
            printErrors(identifier, snippets, ours);
        }
        List<Language> franc = noFranc ? List.of() : new FrancBench(francSource, francDir).run(tsv);
        if (!noFranc && franc.size() != snippets.size()) {
            throw new IllegalStateException("franc answered " + franc.size() + " of " + snippets.size() + " snippets");
        }
        return table(snippets, ours, franc);
    }

    private LanguageIdentifier withThreshold(LanguageIdentifier identifier) {
        if (minMargin == null) {
            return identifier;
        }
        LanguageIdentifier.Settings d = LanguageIdentifier.Settings.DEFAULT;
        return identifier.withSettings(new LanguageIdentifier.Settings(d.minLetters(), minMargin,
                d.shortLetters(), d.shortEvidence(), d.wordMargin(), d.codeSwitchVotes(), d.codeSwitchShare()));
    }

    private LanguageIdentifier loadIdentifier() throws IOException {
        if (model == null) {
            return LanguageIdentifier.loadDefault();
        }
        try (InputStream in = Files.newInputStream(model)) {
            return LanguageIdentifier.load(in);
        }
    }

    private static void printErrors(LanguageIdentifier identifier, List<HeldOutSnippet> snippets, List<Language> ours) {
        for (int i = 0; i < snippets.size(); i++) {
            HeldOutSnippet s = snippets.get(i);
            if (ours.get(i) != s.language()) {
                System.out.printf("%s %3d -> %s  %s  %s%n", s.language().code(), s.length(), ours.get(i).code(), s.text(),
                        identifier.identify(s.text(), Optional.empty()).reasons());
            }
        }
    }

    private static double throughput(LanguageIdentifier identifier, List<HeldOutSnippet> snippets) {
        long checksum = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (HeldOutSnippet s : snippets) {
                checksum += identifier.identify(s.text(), Optional.empty()).language().ordinal();
            }
        }
        int rounds = 5;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (HeldOutSnippet s : snippets) {
                checksum += identifier.identify(s.text(), Optional.empty()).language().ordinal();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return checksum >= 0 ? rounds * snippets.size() / seconds : 0;
    }

    private static List<Map<String, Object>> table(List<HeldOutSnippet> snippets, List<Language> ours, List<Language> franc) {
        Map<String, int[]> cells = new TreeMap<>(); // "lang length" → {n, ours right, franc right}
        for (int i = 0; i < snippets.size(); i++) {
            HeldOutSnippet s = snippets.get(i);
            for (String key : List.of(String.format("%s %03d", s.language().code(), s.length()), String.format("all %03d", s.length()))) {
                int[] c = cells.computeIfAbsent(key, k -> new int[3]);
                c[0]++;
                c[1] += ours.get(i) == s.language() ? 1 : 0;
                c[2] += !franc.isEmpty() && franc.get(i) == s.language() ? 1 : 0;
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        System.out.printf("%-5s %6s %6s %8s %8s %7s%n", "lang", "length", "n", "ours %", "franc %", "delta");
        cells.forEach((key, c) -> {
            String[] parts = key.split(" ");
            double oursPct = 100.0 * c[1] / c[0];
            double francPct = 100.0 * c[2] / c[0];
            System.out.printf("%-5s %6s %6d %8.1f %8.1f %+7.1f%n", parts[0], parts[1], c[0], oursPct, francPct,
                    oursPct - francPct);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lang", parts[0]);
            row.put("length", Integer.parseInt(parts[1]));
            row.put("n", c[0]);
            row.put("ours_accuracy", Math.round(oursPct * 10) / 1000.0);
            row.put("franc_accuracy", Math.round(francPct * 10) / 1000.0);
            rows.add(row);
        });
        return rows;
    }
}
