package org.kunnafoni.lead;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Port to the review state of leads (Redis in production). Every change is conditional on the state the caller
 * saw, so two monitors acting at once get one success and one {@link Change.Conflict}, never a lost update; every
 * change also appends to the lead's history and is announced to open dashboards.
 */
public interface LeadReview {
    /** Every lead; {@code withWords} also loads each one's recent report words for text search. */
    CompletionStage<List<ReviewedLead>> all(boolean withWords);

    CompletionStage<Optional<ReviewedLead>> summary(String id);

    CompletionStage<Optional<ReviewedDetail>> detail(String id);

    /** Records the first opening of a lead (later ones change nothing). */
    CompletionStage<Change> markOpened(String id, HistoryEntry entry);

    /** Moves the lead if it is still in {@code from}. */
    CompletionStage<Change> transition(String id, String category, LeadStatus from, LeadStatus to,
                                       HistoryEntry entry);

    /** Appends a history entry (a note), setting review fields such as {@code assigned_to} (empty value: unset). */
    CompletionStage<Change> record(String id, HistoryEntry entry, Map<String, String> fields);

    /** Moves every report of {@code sourceId} into {@code targetId}, which must both be open; the source becomes merged. */
    CompletionStage<Change> merge(ReviewedLead target, ReviewedLead source, HistoryEntry entry);

    /** Moves one report out of an open lead into a new lead; {@link Change.Done} carries the new lead's id. */
    CompletionStage<Change> split(ReviewedDetail from, LeadReport report, HistoryEntry entry);

    /** Flags an urgent lead that waited unopened, once: answers Done only to the one caller that flagged it. */
    CompletionStage<Change> escalate(ReviewedLead lead, HistoryEntry entry);

    sealed interface Change {
        record Done(String leadId) implements Change {
        }

        record Missing() implements Change {
        }

        /** The lead changed meanwhile or is in a state that refuses this (409). */
        record Conflict(String reason) implements Change {
        }
    }
}
