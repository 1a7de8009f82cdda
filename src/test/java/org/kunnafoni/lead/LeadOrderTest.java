package org.kunnafoni.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadOrderTest {
    private static ReviewedLead lead(String id, Priority p, int score, long seenSecond) {
        Lead l = new Lead(id, LeadStatus.NEW, null, null, Category.ABDUCTION, p, score,
                Instant.ofEpochSecond(seenSecond), Instant.ofEpochSecond(seenSecond), 1, 1, Set.of(Language.FRA), null);
        return new ReviewedLead(l, null, null, null, null, null, Set.of());
    }

    private static final List<ReviewedLead> LEADS = List.of(
            lead("a", Priority.LOW, 10, 100), lead("b", Priority.URGENT, 80, 50), lead("c", Priority.URGENT, 90, 10),
            lead("d", Priority.HIGH, 60, 200), lead("e", Priority.URGENT, 80, 70), lead("f", Priority.HIGH, 60, 200));

    @Test
    void priorityThenScoreThenRecencyThenId() {
        assertThat(LeadOrder.page(LEADS, Optional.empty(), 10).leads().stream().map(ReviewedLead::id))
                .containsExactly("c", "e", "b", "d", "f", "a");
    }

    @ParameterizedTest(name = "pages of {0}")
    @CsvSource({"1", "2", "4", "6", "7"})
    void cursorsWalkEveryLeadOnce(int limit) {
        List<String> seen = new ArrayList<>();
        Optional<LeadOrder.Key> after = Optional.empty();
        for (int guard = 0; guard < 10; guard++) {
            LeadOrder.Page page = LeadOrder.page(LEADS, after, limit);
            page.leads().forEach(l -> seen.add(l.id()));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            after = LeadOrder.Key.decode(page.nextCursor().get());
        }
        assertThat(seen).containsExactly("c", "e", "b", "d", "f", "a");
    }

    @ParameterizedTest
    @CsvSource({"not-a-cursor", "''", "MTox"})
    void foreignCursorsAreRefused(String cursor) {
        assertThat(LeadOrder.Key.decode(cursor)).isEmpty();
    }
}
