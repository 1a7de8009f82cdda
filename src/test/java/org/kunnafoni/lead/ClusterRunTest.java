package org.kunnafoni.lead;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports of one batch, clustered in order from one read: each sees what the ones before it did. */
class ClusterRunTest {
    private static final Instant NOW = Instant.parse("2025-11-29T10:00:00Z");
    private static final ClusterPolicy POLICY = new ClusterPolicy(Duration.ofHours(24), 0.4);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                               | existing lead (place: text) | reports (place: text; …)                                                                    | expected leads
            second joins the lead the first opened | -                         | Boni: hommes armés enlevé enfants ce matin ; Boni: deux enfants enlevés au marché            | n1 n1
            no place, similar words               | -                          | -: hommes armés ont enlevé trois enfants route ; -: trois enfants enlevés par hommes armés route | n1 n1
            no place, different words             | -                          | -: hommes armés ont enlevé trois enfants route ; -: fillette disparue depuis hier soir       | n1 n2
            joins the existing lead, then again   | Boni: enlèvement à Boni    | Boni: enfants enlevés ; -: enfants enlevés ce matin près du puits                           | L L
            words of an attached report count     | -: vol de bétail           | Gossi: enlèvement enfants bétail troupeau vol Gossi ; -: enlèvement enfants troupeau Gossi  | n1 n1
            not relevant never joins on place     | -                          | Boni: bonjour je suis à Boni ; Boni: merci pour le crédit à Boni                          | n1 n2
            """)
    void decidesInOrder(String label, String existing, String reports, String expected) {
        List<LeadCandidate> candidates = new ArrayList<>();
        if (existing != null) {
            String[] pair = existing.split(":", 2);
            candidates.add(new LeadCandidate(lead("L", place(pair[0])), List.of(TextSimilarity.terms(pair[1]))));
        }
        Category category = label.startsWith("not relevant") ? Category.NOT_RELEVANT : Category.ABDUCTION;
        ClusterRun run = new ClusterRun(candidates, POLICY, 5);
        List<String> got = new ArrayList<>();
        String[] each = reports.split(";");
        for (int i = 0; i < each.length; i++) {
            String[] pair = each[i].trim().split(":", 2);
            String fresh = "n" + (i + 1);
            ClusterDecision d = run.decide(report(place(pair[0].trim()), pair[1].trim(), category), fresh);
            got.add(d instanceof ClusterDecision.Attach a ? a.leadId() : fresh);
        }
        assertThat(String.join(" ", got)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a report of {0} children keeps the lead's count of {1} children as {2}")
    @CsvSource(nullValues = "-", textBlock = """
            4, 2, 4
            1, 2, 2
            -, 2, 2
            3, -, 3
            """)
    void anAttachedReportGrowsTheLeadAsTheStoreWould(Integer reported, Integer before, Integer after) {
        Lead lead = new Lead("L", LeadStatus.NEW, "mopti", null, Category.ABDUCTION, Priority.HIGH, 60,
                NOW.minusSeconds(600), NOW.minusSeconds(60), 1, 1, Set.of(Language.FRA), before);
        ClusterRun run = new ClusterRun(List.of(new LeadCandidate(lead, List.of(TextSimilarity.terms("enfants enlevés")))),
                POLICY, 2);
        TriagedReport report = new TriagedReport(new LeadReport("e1", "R-1", "enfants", NOW, NOW, Language.BAM,
                Map.of()), new ReportFacts("mopti", "Boni", Category.ABDUCTION, TextSimilarity.terms("enfants enlevés"), NOW), Priority.URGENT,
                90, reported);

        assertThat(run.decide(report, "fresh")).isInstanceOf(ClusterDecision.Attach.class);

        Lead grown = run.candidates().get(0).lead();
        assertThat(grown.maxChildren()).isEqualTo(after);
        assertThat(grown.place()).isEqualTo("Boni");
        assertThat(grown.lastSeen()).isEqualTo(NOW);
        assertThat(grown.reportCount()).isEqualTo(2);
        assertThat(grown.priority()).isEqualTo(Priority.URGENT);
        assertThat(grown.languages()).containsExactlyInAnyOrder(Language.FRA, Language.BAM);
        assertThat(run.candidates().get(0).recentTerms()).hasSize(2);
    }

    private static String place(String name) {
        return name.equals("-") ? null : name;
    }

    private static Lead lead(String id, String place) {
        return new Lead(id, LeadStatus.NEW, "mopti", place, Category.ABDUCTION, Priority.HIGH, 60,
                NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)), 1, 1, Set.of(Language.FRA), null);
    }

    private static TriagedReport report(String place, String text, Category category) {
        return new TriagedReport(new LeadReport("e", "R-1", text, NOW, NOW, Language.FRA, Map.of()),
                new ReportFacts("mopti", place, category, TextSimilarity.terms(text), NOW), Priority.HIGH, 60, null);
    }
}
