package org.kunnafoni.lead;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationTest {
    private static final Instant CREATED = Instant.parse("2025-11-29T10:00:00Z");

    @ParameterizedTest(name = "{0} {1} opened={2} escalated={3} after {4} min → {5}")
    @CsvSource({
            "urgent, new, false, false, 30, true", "urgent, new, false, false, 29, false",
            "urgent, new, false, false, 45, true", "urgent, new, true, false, 45, false",
            "urgent, new, false, true, 45, false", "urgent, in_review, false, false, 45, false",
            "high, new, false, false, 45, false", "low, new, false, false, 600, false",
            "urgent, dismissed, false, false, 45, false",
    })
    void dueWhenUrgentNewUnopenedAndOldEnough(String priority, String status, boolean opened, boolean escalated,
                                              int minutesLater, boolean due) {
        Lead lead = new Lead("gao-1-0", LeadStatus.fromId(status).orElseThrow(), "gao", null, Category.ABDUCTION,
                Priority.valueOf(priority.toUpperCase()), 80, CREATED.minusSeconds(600), CREATED, 1, 1,
                Set.of(Language.FRA), 2);
        ReviewedLead reviewed = new ReviewedLead(lead, null, CREATED, opened ? CREATED : null,
                escalated ? CREATED : null, null, Set.of());
        assertThat(Escalation.due(reviewed, CREATED.plus(Duration.ofMinutes(minutesLater)), Duration.ofMinutes(30)))
                .isEqualTo(due);
    }
}
