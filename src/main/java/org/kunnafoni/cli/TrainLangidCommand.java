package org.kunnafoni.cli;

import org.kunnafoni.cli.langid.CorpusSource;
import org.kunnafoni.cli.langid.HeldOutSnippet;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.language.LanguageIdentifier;
import org.kunnafoni.triage.language.NgramTrainer;
import org.kunnafoni.triage.language.SmsVariants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Trains the language-identification model from the shared corpora plus the team's SMS-style lines, and
 * writes the held-out evaluation snippets. Deterministic: the same inputs give byte-identical outputs.
 */
@Command(name = "train-langid", mixinStandardHelpOptions = true,
        description = "Train the SMS language-identification model and write held-out evaluation snippets.")
public final class TrainLangidCommand implements Callable<Integer> {
    /** Languages the n-gram model tells apart; Arabic is decided by its script alone. */
    static final List<Language> MODEL_LANGUAGES =
            List.of(Language.FRA, Language.BAM, Language.SES, Language.FFM, Language.TAQ, Language.ENG);

    @Option(names = "--data", defaultValue = "../shared/data/langid", description = "Shared corpora (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--extra", defaultValue = "src/langid/extra", description = "Team-written lines, <lang>.txt (default: ${DEFAULT-VALUE}).")
    Path extra;

    @Option(names = "--out", defaultValue = "src/main/resources/triage/langid.model", description = "Model file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--heldout", defaultValue = "src/test/resources/langid/heldout.tsv", description = "Held-out snippets (default: ${DEFAULT-VALUE}).")
    Path heldOut;

    @Option(names = "--max-order", defaultValue = "5", description = "Longest n-gram (default: ${DEFAULT-VALUE}).")
    int maxOrder;

    @Option(names = "--alpha", defaultValue = "0.1", description = "Additive smoothing (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--min-count", defaultValue = "2", description = "Keep n-grams seen this often in some language (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--per-cell", defaultValue = "250", description = "Snippets per language and length (default: ${DEFAULT-VALUE}).")
    int perCell;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(data)) {
            System.err.println("no corpus folder at " + data.toAbsolutePath() + " (use --data)");
            return 2;
        }
        NgramTrainer trainer = new NgramTrainer(MODEL_LANGUAGES, maxOrder);
        Map<Language, Map<Integer, List<List<HeldOutSnippet>>>> snippets = new EnumMap<>(Language.class);
        for (CorpusSource source : CorpusSource.all()) {
            CorpusSource.Split split = source.read(data, extra);
            int trained = train(trainer, source, split.train());
            addSnippets(snippets, source.language(), split.heldOut());
            System.out.printf("%-4s %-28s train %5d (latin %5d)  held out %4d%n", source.language().code(),
                    source.path(), split.train().size(), trained, split.heldOut().size());
        }
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        NgramTrainer.Summary summary = trainer.write(model, alpha, minCount, 0.05f);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, model.toByteArray());
        List<HeldOutSnippet> chosen = choose(snippets);
        writeHeldOut(chosen);
        System.out.printf("model %s: %d of %d n-grams kept, %d bytes%nheld-out %s: %d snippets%n",
                out, summary.kept(), summary.counted(), model.size(), heldOut, chosen.size());
        return 0;
    }

    private static int train(NgramTrainer trainer, CorpusSource source, List<String> lines) {
        if (!MODEL_LANGUAGES.contains(source.language())) {
            return 0;
        }
        int trained = 0;
        for (String line : lines) {
            if (LanguageIdentifier.scriptLanguage(line).isPresent()) {
                continue; // Tifinagh / Adlam lines: their script decides, the n-gram model never sees them
            }
            for (String variant : SmsVariants.of(source.language(), line)) {
                trainer.add(source.language(), variant, source.weight());
            }
            trained++;
        }
        return trained;
    }

    private static void addSnippets(Map<Language, Map<Integer, List<List<HeldOutSnippet>>>> snippets,
                                    Language language, List<String> heldOut) {
        for (int length : HeldOutSnippet.LENGTHS) {
            List<HeldOutSnippet> fromSource = new ArrayList<>();
            for (int start = 0; start < heldOut.size(); start++) {
                HeldOutSnippet.cut(language, length, heldOut, start).ifPresent(fromSource::add);
            }
            snippets.computeIfAbsent(language, l -> new TreeMap<>())
                    .computeIfAbsent(length, n -> new ArrayList<>()).add(fromSource);
        }
    }

    // Round-robin over the sources of a language, so small sources (UDHR, team lines) are represented.
    private List<HeldOutSnippet> choose(Map<Language, Map<Integer, List<List<HeldOutSnippet>>>> snippets) {
        List<HeldOutSnippet> chosen = new ArrayList<>();
        snippets.forEach((language, byLength) -> byLength.forEach((length, sources) -> {
            int taken = 0;
            for (int round = 0; taken < perCell; round++) {
                boolean any = false;
                for (List<HeldOutSnippet> source : sources) {
                    if (round < source.size() && taken < perCell) {
                        chosen.add(source.get(round));
                        taken++;
                        any = true;
                    }
                }
                if (!any) {
                    break;
                }
            }
        }));
        return chosen;
    }

    private void writeHeldOut(List<HeldOutSnippet> chosen) throws IOException {
        Files.createDirectories(heldOut.toAbsolutePath().getParent());
        HeldOutSnippet.writeTsv(heldOut, chosen);
    }
}
