package org.kunnafoni.cli;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.violation.ModelTrainer;
import org.kunnafoni.triage.violation.SmsAugmentation;
import org.kunnafoni.triage.violation.TrainingExample;
import org.kunnafoni.triage.violation.TriageModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code train-triage-model}: trains the violation classifier's learned fallback on the team-written SMS of
 * {@code src/triage-training/*.tsv} (never on the evaluation corpus). Deterministic: same files, same model bytes.
 */
@Command(name = "train-triage-model", mixinStandardHelpOptions = true,
        description = "Train the triage fallback model from the team-written training set.")
public final class TrainTriageModelCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "src/triage-training", description = "Folder of <lang>.tsv files (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "src/main/resources/triage/violation.model", description = "Model file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "12", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--rate", defaultValue = "0.5", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--decay", defaultValue = "0.0005", description = "Weight decay per step (default: ${DEFAULT-VALUE}).")
    double decay;

    @Option(names = "--seed", defaultValue = "17", description = "Shuffling and augmentation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        List<TrainingExample> lines = read(data);
        if (lines.isEmpty()) {
            System.err.println("train-triage-model: no training lines under " + data);
            return 2;
        }
        // Every tenth line is held out once to report generalisation, then the model is trained on everything.
        List<TrainingExample> train = new ArrayList<>();
        List<TrainingExample> held = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 10 == 0 ? held : train).add(lines.get(i));
        }
        ModelTrainer trainer = new ModelTrainer(epochs, rate, decay, seed);
        double heldAccuracy = ModelTrainer.accuracy(trainer.train(augment(train)), held);
        TriageModel model = trainer.train(augment(lines));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        System.out.printf("train-triage-model: %d lines (%d with variants), held-out accuracy %.3f, training accuracy "
                        + "%.3f, %d bytes written to %s%n", lines.size(), augment(lines).size(), heldAccuracy,
                ModelTrainer.accuracy(model, lines), Files.size(out), out);
        return 0;
    }

    private List<TrainingExample> augment(List<TrainingExample> lines) {
        Random random = new Random(seed);
        List<TrainingExample> out = new ArrayList<>();
        for (TrainingExample e : lines) {
            SmsAugmentation.variants(e.text(), random).forEach(v -> out.add(new TrainingExample(e.category(), v)));
        }
        return out;
    }

    static List<TrainingExample> read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        List<TrainingExample> out = new ArrayList<>();
        for (Path file : files) {
            List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 0; n < rows.size(); n++) {
                String[] cells = rows.get(n).split("\t", 2);
                if (n == 0 && cells[0].equals("category") || rows.get(n).isBlank()) {
                    continue;
                }
                Category category = cells.length < 2 ? null : Category.fromId(cells[0]).orElse(null);
                if (category == null) {
                    throw new IOException(file + ":" + (n + 1) + ": expected <category>\\t<text>");
                }
                out.add(new TrainingExample(category, cells[1].trim()));
            }
        }
        return out;
    }
}
