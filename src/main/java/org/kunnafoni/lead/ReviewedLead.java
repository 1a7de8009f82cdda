package org.kunnafoni.lead;

import java.time.Instant;
import java.util.Set;

/**
 * A lead with its review state.
 *
 * @param createdAt   when triage opened it (the escalation clock starts here); null for leads written before
 * @param openedAt    when someone first opened its detail, null while nobody has
 * @param escalatedAt when it escalated for waiting unopened, null if it never did
 * @param words       content words of its recent reports, only loaded for text search (else empty)
 */
public record ReviewedLead(Lead lead, String assignedTo, Instant createdAt, Instant openedAt, Instant escalatedAt,
                           String mergedInto, Set<String> words) {
    public ReviewedLead {
        words = Set.copyOf(words);
    }

    public String id() {
        return lead.id();
    }

    public boolean opened() {
        return openedAt != null;
    }

    public boolean escalated() {
        return escalatedAt != null;
    }
}
