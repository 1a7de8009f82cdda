package org.kunnafoni.lead;

import java.util.List;

/** A lead with its reports, oldest first. */
public record LeadDetail(Lead lead, List<LeadReport> reports) {
    public LeadDetail {
        reports = List.copyOf(reports);
    }
}
