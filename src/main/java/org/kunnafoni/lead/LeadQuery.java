package org.kunnafoni.lead;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;
import org.kunnafoni.triage.priority.Priority;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The queue filters; every one is optional (null). Without a status filter merged leads are left out: their
 * reports live on in the lead they were merged into.
 *
 * @param region   a region slug, or {@code none} for leads without a place
 * @param assigned a user name, or {@code none} for unassigned leads
 * @param words    folded search words; each must start a word of the lead's recent reports or appear in its place
 * @param from     last activity at or after
 * @param to       last activity before
 */
public record LeadQuery(LeadStatus status, String region, Category category, Language language, Priority priority,
                        String assigned, List<String> words, Instant from, Instant to) {
    public static final String NONE = "none";

    public LeadQuery {
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static LeadQuery all() {
        return new LeadQuery(null, null, null, null, null, null, List.of(), null, null);
    }

    public boolean matches(ReviewedLead reviewed) {
        Lead lead = reviewed.lead();
        return (status == null ? lead.status() != LeadStatus.MERGED : lead.status() == status)
                && (region == null || Objects.equals(region, lead.region() == null ? NONE : lead.region()))
                && (category == null || lead.category() == category)
                && (language == null || lead.languages().contains(language))
                && (priority == null || lead.priority() == priority)
                && (assigned == null || Objects.equals(assigned, reviewed.assignedTo() == null ? NONE
                        : reviewed.assignedTo()))
                && (from == null || !lead.lastSeen().isBefore(from))
                && (to == null || lead.lastSeen().isBefore(to))
                && words.stream().allMatch(w -> found(w, reviewed));
    }

    /** Text search needs the leads' words loaded (an extra read per lead), so it is only done when asked for. */
    public boolean searchesText() {
        return !words.isEmpty();
    }

    private static boolean found(String word, ReviewedLead reviewed) {
        String place = reviewed.lead().place() == null ? "" : TextNormalizer.fold(reviewed.lead().place());
        return place.contains(word) || reviewed.words().stream().anyMatch(w -> w.startsWith(word));
    }
}
