package org.kunnafoni.lead;

/** What clustering decided for one report. */
public sealed interface ClusterDecision {
    /** Join this open lead; {@code reason} says why (same place, or the similarity), for the monitor. */
    record Attach(String leadId, String reason) implements ClusterDecision {
    }

    /** No open lead is about the same incident: start a new one. */
    record Open() implements ClusterDecision {
    }
}
