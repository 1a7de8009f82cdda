package org.kunnafoni.lead;

import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A lead's summary recomputed from a set of reports, the same way the triage write builds it report by report
 * (highest score and its priority, largest child count, every language, first and last arrival). Needed when
 * reports leave a lead, which the incremental write cannot undo.
 */
public record LeadAggregate(int reportCount, Set<String> reporters, Instant firstSeen, Instant lastSeen,
                            int score, Priority priority, Set<Language> languages, Integer maxChildren) {

    public static LeadAggregate of(List<LeadReport> reports) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("a lead keeps at least one report");
        }
        LeadReport top = reports.stream().max(Comparator.comparingInt(LeadAggregate::score)).orElseThrow();
        return new LeadAggregate(reports.size(),
                reports.stream().map(LeadReport::reporter).collect(Collectors.toCollection(TreeSet::new)),
                reports.stream().map(LeadReport::receivedAt).min(Comparator.naturalOrder()).orElseThrow(),
                reports.stream().map(LeadReport::receivedAt).max(Comparator.naturalOrder()).orElseThrow(),
                score(top), priority(top),
                reports.stream().map(LeadReport::language).collect(Collectors.toCollection(TreeSet::new)),
                reports.stream().map(LeadAggregate::children).filter(java.util.Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null));
    }

    static int score(LeadReport report) {
        return report.triage().get("score") instanceof Number n ? n.intValue() : 0;
    }

    static Priority priority(LeadReport report) {
        Object id = report.triage().get("priority");
        return id instanceof String s ? Priority.valueOf(s.toUpperCase(Locale.ROOT)) : Priority.LOW;
    }

    static Integer children(LeadReport report) {
        return report.triage().get("children") instanceof Number n ? n.intValue() : null;
    }
}
