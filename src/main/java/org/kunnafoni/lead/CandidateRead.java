package org.kunnafoni.lead;

import java.util.List;
import java.util.Map;

/**
 * One read of the lead store for a group of reports of the same region and category: the open candidate leads,
 * and which of the group's intake entries were already written (entry id → lead id), i.e. are redeliveries
 * whose effect the candidates already show.
 */
public record CandidateRead(List<LeadCandidate> candidates, Map<String, String> alreadyWritten) {
    public CandidateRead {
        candidates = List.copyOf(candidates);
        alreadyWritten = Map.copyOf(alreadyWritten);
    }
}
