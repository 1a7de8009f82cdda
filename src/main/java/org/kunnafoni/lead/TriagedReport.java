package org.kunnafoni.lead;

import org.kunnafoni.triage.TriageResult;
import org.kunnafoni.triage.TriageView;
import org.kunnafoni.triage.priority.Priority;

import java.time.Instant;

/** A report with everything the lead store needs to attach it: the stored report, the clustering facts and the severity. */
public record TriagedReport(LeadReport report, ReportFacts facts, Priority priority, int score, Integer children) {

    public static TriagedReport of(String entryId, String reporter, String text, Instant receivedAt,
                                   Instant triagedAt, TriageResult result) {
        LeadReport report = new LeadReport(entryId, reporter, text, receivedAt, triagedAt,
                result.language().language(), TriageView.of(result));
        ReportFacts facts = new ReportFacts(result.region().orElse(null),
                result.place().map(p -> p.name()).orElse(null), result.category(), TextSimilarity.terms(text),
                receivedAt);
        return new TriagedReport(report, facts, result.priority().priority(), result.priority().score(),
                result.extraction().children());
    }

    /** The same report stamped with the moment it is handed to the lead store. */
    public TriagedReport triagedAt(Instant at) {
        LeadReport r = report;
        return new TriagedReport(new LeadReport(r.entryId(), r.reporter(), r.text(), r.receivedAt(), at, r.language(),
                r.triage()), facts, priority, score, children);
    }
}
