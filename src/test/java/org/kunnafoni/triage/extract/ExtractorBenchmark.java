package org.kunnafoni.triage.extract;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.priority.PriorityRules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Throughput of extraction + priority on one thread (not a test: run by hand, figures go to
 * {@code target/benchmarks/extractor.txt}).
 */
public final class ExtractorBenchmark {
    private static final List<String> MESSAGES = List.of(
            "Des hommes armés ont enlevé trois enfants hier soir près de Bandiagara, ils sont encore là",
            "une fille de 14 ans a été violée avant-hier par des jihadistes à moto, elle saigne, besoin de soins",
            "u ye denmisɛn saba minɛ kunun, jihadistiw bɛ yen hali sisan",
            "Two boys aged 12 and 14 injured by a landmine this morning near the school",
            "il y a 2 mois les militaires ont tué 4 enfants au marché de Diafarabé",
            "bonjour je veux du crédit svp merci",
            "ثلاثة أطفال أصيبوا بانفجار لغم اليوم قرب المدرسة",
            "école fermée à cause de la grève des enseignants, pas d'enfants blessés");

    private ExtractorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Extractor extractor = Extractor.loadDefault();
        PriorityRules rules = new PriorityRules();
        int sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += run(extractor, rules, MESSAGES.get(i % MESSAGES.size()));
        }
        int rounds = 1_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += run(extractor, rules, MESSAGES.get(i % MESSAGES.size()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("extract+priority: %d messages in %.2f s = %.0f messages/s on one thread (sink %d)%n",
                rounds, seconds, rounds / seconds, sink);
        Path out = Path.of("target/benchmarks/extractor.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line);
        System.out.print(line);
    }

    private static int run(Extractor extractor, PriorityRules rules, String text) {
        return rules.assess(Category.KILLING_MAIMING, extractor.extract(text)).score();
    }
}
