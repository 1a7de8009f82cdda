package org.kunnafoni.lead;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadWorkflowTest {
    /** Every from × to pair: the answer for a monitor and for a supervisor (A allowed, S needs supervisor, I illegal). */
    @ParameterizedTest(name = "{0} → {1}: monitor {2}, supervisor {3}")
    @CsvSource({
            "new, new, I, I", "new, in_review, A, A", "new, verified, I, I", "new, unverified, I, I",
            "new, dismissed, I, I", "new, referred, I, I", "new, merged, I, I",
            "in_review, new, A, A", "in_review, in_review, I, I", "in_review, verified, A, A",
            "in_review, unverified, A, A", "in_review, dismissed, A, A", "in_review, referred, A, A",
            "in_review, merged, I, I",
            "verified, in_review, S, A", "unverified, in_review, S, A", "dismissed, in_review, S, A",
            "referred, in_review, S, A",
            "verified, new, I, I", "verified, dismissed, I, I", "dismissed, verified, I, I", "referred, unverified, I, I",
            "verified, verified, I, I", "referred, merged, I, I",
            "merged, new, I, I", "merged, in_review, I, I", "merged, verified, I, I",
    })
    void transitions(String from, String to, String monitor, String supervisor) {
        LeadStatus f = LeadStatus.fromId(from).orElseThrow();
        LeadStatus t = LeadStatus.fromId(to).orElseThrow();
        assertThat(code(LeadWorkflow.decide(f, t, false))).isEqualTo(monitor);
        assertThat(code(LeadWorkflow.decide(f, t, true))).isEqualTo(supervisor);
    }

    @ParameterizedTest(name = "{0} as supervisor={1} → {2}")
    @CsvSource({
            "new, false, in_review", "new, true, in_review",
            "in_review, false, new verified unverified dismissed referred",
            "verified, false, ''", "verified, true, in_review", "merged, true, ''",
    })
    void allowedTransitionsForTheDetailView(String from, boolean supervisor, String expected) {
        List<String> allowed = LeadWorkflow.allowed(LeadStatus.fromId(from).orElseThrow(), supervisor).stream()
                .map(LeadStatus::id).toList();
        assertThat(allowed).isEqualTo(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    private static String code(LeadWorkflow.Move move) {
        return move instanceof LeadWorkflow.Move.Allowed ? "A"
                : move instanceof LeadWorkflow.Move.NeedsSupervisor ? "S" : "I";
    }
}
