package org.kunnafoni.lead;

import java.util.List;

/** A lead with its reports (oldest first) and review history (oldest first). */
public record ReviewedDetail(ReviewedLead lead, List<LeadReport> reports, List<HistoryEntry> history) {
    public ReviewedDetail {
        reports = List.copyOf(reports);
        history = List.copyOf(history);
    }
}
