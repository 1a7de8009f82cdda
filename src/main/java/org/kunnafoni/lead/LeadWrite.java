package org.kunnafoni.lead;

/** The outcome of writing one report: each intake entry is counted in exactly one lead, once. */
public sealed interface LeadWrite {
    String leadId();

    record Opened(String leadId) implements LeadWrite {
    }

    record Attached(String leadId) implements LeadWrite {
    }

    /** The entry was already written (a re-delivery); nothing changed. */
    record Duplicate(String leadId) implements LeadWrite {
    }
}
