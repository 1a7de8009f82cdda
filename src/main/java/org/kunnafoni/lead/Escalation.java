package org.kunnafoni.lead;

import org.kunnafoni.triage.priority.Priority;

import java.time.Duration;
import java.time.Instant;

/**
 * When an urgent lead has waited too long: still {@code new}, never opened, not escalated yet, and older than the
 * configured delay. The clock starts when triage wrote the lead (its first report's arrival when that is unknown),
 * so a backlog after an outage escalates at once rather than being timed from the text's original send time.
 */
public final class Escalation {
    private Escalation() {
    }

    public static boolean due(ReviewedLead lead, Instant now, Duration after) {
        Lead l = lead.lead();
        Instant since = lead.createdAt() != null ? lead.createdAt() : l.firstSeen();
        return l.priority() == Priority.URGENT && l.status() == LeadStatus.NEW && !lead.opened()
                && !lead.escalated() && !now.isBefore(since.plus(after));
    }
}
