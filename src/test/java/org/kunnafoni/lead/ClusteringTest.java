package org.kunnafoni.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClusteringTest {
    private static final Instant NOW = Instant.parse("2025-11-29T10:00:00Z");
    private static final ClusterPolicy POLICY = new ClusterPolicy(Duration.ofHours(24), 0.4);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case                          | lead region | lead category   | lead place | status     | hours | lead text                                             | region | category        | place  | report text                                                 | expected
            same place, other words          | mopti       | abduction       | Boni       | new        | 2     | Des hommes armés ont enlevé 3 enfants à Boni ce matin  | mopti  | abduction       | Boni   | kidnapping de deux petits à Boni                            | attach
            similar words, no place          | -           | abduction       | -          | new        | 2     | Des hommes armés ont enlevé 3 enfants ce matin sur la route | - | abduction      | -      | Trois enfants enlevés par des hommes armés ce matin sur la route | attach
            similar words, same region       | gao         | killing_maiming | Ansongo    | in_review  | 5     | un enfant blessé par une mine près du puits            | gao    | killing_maiming | Tessit | enfant blessé par mine au puits                             | attach
            different words, same region     | gao         | killing_maiming | Ansongo    | new        | 5     | un enfant blessé par une mine près du puits            | gao    | killing_maiming | Tessit | deux garçons tués par balle au marché                        | open
            different region                 | gao         | abduction       | Gao        | new        | 1     | des enfants enlevés par des hommes armés               | mopti  | abduction       | Boni   | des enfants enlevés par des hommes armés                    | open
            region vs no region              | gao         | abduction       | Gao        | new        | 1     | des enfants enlevés par des hommes armés               | -      | abduction       | -      | des enfants enlevés par des hommes armés                    | open
            different category               | mopti       | abduction       | Boni       | new        | 1     | enfants enlevés à Boni                                 | mopti  | killing_maiming | Boni   | enfants tués à Boni                                         | open
            outside the window               | mopti       | abduction       | Boni       | new        | 30    | enfants enlevés à Boni                                 | mopti  | abduction       | Boni   | enfants enlevés à Boni                                      | open
            lead closed by a monitor         | mopti       | abduction       | Boni       | dismissed  | 1     | enfants enlevés à Boni                                 | mopti  | abduction       | Boni   | enfants enlevés à Boni                                      | open
            lead verified                    | mopti       | abduction       | Boni       | verified   | 1     | enfants enlevés à Boni                                 | mopti  | abduction       | Boni   | enfants enlevés à Boni                                      | open
            stop words only in common        | -           | recruitment_use | -          | new        | 1     | ils ont pris les garçons pour les armes                | -      | recruitment_use | -      | ils sont venus avec des motos pour les jeunes                | open
            not relevant, same village       | mopti       | not_relevant    | Boni       | new        | 1     | bonjour je suis à Boni                                 | mopti  | not_relevant    | Boni   | merci pour le crédit à Boni                                 | open
            not relevant, near-identical     | -           | not_relevant    | -          | new        | 1     | Bonjour                                                | -      | not_relevant    | -      | bonjour !                                                   | attach
            not relevant, merely similar     | -           | not_relevant    | -          | new        | 1     | test test envoi du message numero un                   | -      | not_relevant    | -      | test envoi du message numero deux                           | open
            empty texts never match          | -           | not_relevant    | -          | new        | 1     | ''                                                     | -      | not_relevant    | -      | ''                                                          | open
            Bambara, accents folded          | segou       | abduction       | -          | new        | 3     | cɛ marifalaw ye denmisɛnw minɛ Markala                 | segou  | abduction       | -      | ce marifalaw ye denmisenw mine markala                      | attach
            """)
    void decides(String label, String leadRegion, String leadCategory, String leadPlace, String status, int hours,
                 String leadText, String region, String category, String place, String text, String expected) {
        Lead lead = lead("L1", leadRegion, leadPlace, Category.fromId(leadCategory).orElseThrow(),
                LeadStatus.fromId(status).orElseThrow(), NOW.minus(Duration.ofHours(hours)));
        ReportFacts report = new ReportFacts(region, place, Category.fromId(category).orElseThrow(),
                TextSimilarity.terms(text), NOW);

        ClusterDecision decision = Clustering.decide(report, List.of(candidate(lead, leadText)), POLICY);

        if (expected.equals("attach")) {
            assertThat(decision).isInstanceOfSatisfying(ClusterDecision.Attach.class,
                    a -> assertThat(a.leadId()).isEqualTo("L1"));
        } else {
            assertThat(decision).isInstanceOf(ClusterDecision.Open.class);
        }
    }

    @Test
    void prefersSamePlaceThenClosestWordingThenMostRecent() {
        Instant earlier = NOW.minus(Duration.ofHours(3));
        String text = "trois enfants enlevés par des hommes armés au marché";
        LeadCandidate similar = candidate(lead("similar", "mopti", "Sévaré", Category.ABDUCTION, LeadStatus.NEW,
                NOW.minus(Duration.ofHours(1))), text);
        LeadCandidate samePlace = candidate(lead("place", "mopti", "Boni", Category.ABDUCTION, LeadStatus.NEW,
                earlier), "rapt à Boni");
        ReportFacts report = new ReportFacts("mopti", "Boni", Category.ABDUCTION, TextSimilarity.terms(text), NOW);
        assertThat(Clustering.decide(report, List.of(similar, samePlace), POLICY))
                .isEqualTo(new ClusterDecision.Attach("place", "same place: Boni"));

        LeadCandidate older = candidate(lead("older", "mopti", null, Category.ABDUCTION, LeadStatus.NEW, earlier), text);
        LeadCandidate newer = candidate(lead("newer", "mopti", null, Category.ABDUCTION, LeadStatus.IN_REVIEW,
                NOW.minus(Duration.ofMinutes(5))), text);
        ReportFacts noPlace = new ReportFacts("mopti", null, Category.ABDUCTION, TextSimilarity.terms(text), NOW);
        assertThat(Clustering.decide(noPlace, List.of(older, newer), POLICY))
                .isInstanceOfSatisfying(ClusterDecision.Attach.class, a -> assertThat(a.leadId()).isEqualTo("newer"));
    }

    @Test
    void comparesWithEachRecentReportOfALead() {
        Lead lead = lead("L", "gao", null, Category.KILLING_MAIMING, LeadStatus.NEW, NOW);
        LeadCandidate candidate = new LeadCandidate(lead, List.of(
                TextSimilarity.terms("tirs au marché ce matin"),
                TextSimilarity.terms("enfant blessé par une mine près du puits")));
        ReportFacts report = new ReportFacts("gao", null, Category.KILLING_MAIMING,
                TextSimilarity.terms("un enfant blessé par une mine au puits"), NOW);
        assertThat(Clustering.decide(report, List.of(candidate), POLICY)).isInstanceOf(ClusterDecision.Attach.class);
        assertThat(Clustering.decide(report, List.of(), POLICY)).isInstanceOf(ClusterDecision.Open.class);
    }

    private static Lead lead(String id, String region, String place, Category category, LeadStatus status,
                             Instant lastSeen) {
        return new Lead(id, status, region, place, category, Priority.HIGH, 60, lastSeen.minus(Duration.ofHours(1)),
                lastSeen, 1, 1, Set.of(Language.FRA), null);
    }

    private static LeadCandidate candidate(Lead lead, String text) {
        return new LeadCandidate(lead, List.of(TextSimilarity.terms(text)));
    }
}
