package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of {@link ViolationClassifier#classify} on one thread, written to
 * {@code target/benchmarks/violation-classifier.txt}. Not a test: run its {@code main} with the test class path.
 */
public final class ViolationClassifierBenchmark {
    private static final List<String> MESSAGES = List.of(
            "Des hommes armés ont tué deux enfants à Boni hier soir, la situation est tendue",
            "Bonjour, envoyez moi du crédit svp",
            "Kɛlɛcɛw ye denw minɛ ka taa n'u ye kungo kɔnɔ kunu su fɛ",
            "The school was burned down by armed men and the teachers fled to Mopti",
            "Une fille de 14 ans va être mariée de force samedi prochain au village",
            "Il y a eu des tirs mais pas d'enfants tués, merci de votre attention",
            "هاجم مسلحون المدرسة وأحرقوها",
            "les camions du PAM ont été bloqués et pillés sur la route de Ménaka depuis trois jours");

    private ViolationClassifierBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        ViolationClassifier classifier = new ViolationClassifier(ViolationLexicon.loadDefault());
        run(classifier, 200_000);
        int n = 1_000_000;
        long start = System.nanoTime();
        int sink = run(classifier, n);
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "violation classifier: %d messages in %.2f s = %.0f messages/s "
                + "(one thread, %d-message mix, checksum %d)%n", n, seconds, n / seconds, MESSAGES.size(), sink);
        Path out = Path.of("target/benchmarks/violation-classifier.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line);
        System.out.print(line);
    }

    private static int run(ViolationClassifier classifier, int n) {
        int sink = 0;
        for (int i = 0; i < n; i++) {
            sink += classifier.classify(MESSAGES.get(i % MESSAGES.size()), Language.FRA).category().ordinal();
        }
        return sink;
    }
}
