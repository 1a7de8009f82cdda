package org.kunnafoni.lead;

import java.time.Instant;

/**
 * One line of a lead's review history, shown on the lead.
 *
 * @param action opened, transition, note, assignment, merge, split, reveal or escalation
 * @param from   the previous status / assignee / lead, when the action has one
 * @param to     the new status / assignee / lead
 * @param note   the monitor's words, if any (never a phone number: a reveal records only that it happened)
 */
public record HistoryEntry(Instant at, String actor, String action, String from, String to, String note) {
}
