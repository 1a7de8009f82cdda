package org.kunnafoni.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Clusters, in stream order, the reports of one batch that share a region and category, after a single read of
 * the lead store: each report is decided as if the ones before it were already written, so a report can join a
 * lead opened or grown earlier in the same batch. Mirrors what lead_attach_or_open.lua does to a lead, for the
 * fields clustering reads (status, place, last seen, recent terms) and the summary counts it can know.
 */
public final class ClusterRun {
    private final List<LeadCandidate> candidates;
    private final ClusterPolicy policy;
    private final int keptTermLists;

    /** @param keptTermLists how many recent reports' words a lead keeps (as the lead store does) */
    public ClusterRun(List<LeadCandidate> candidates, ClusterPolicy policy, int keptTermLists) {
        this.candidates = new ArrayList<>(candidates);
        this.policy = policy;
        this.keptTermLists = keptTermLists;
    }

    /** Decides where the report goes and remembers the outcome for the reports after it. */
    public ClusterDecision decide(TriagedReport report, String freshLeadId) {
        ClusterDecision decision = Clustering.decide(report.facts(), candidates, policy);
        if (decision instanceof ClusterDecision.Attach attach) {
            attach(report, attach.leadId());
        } else {
            candidates.add(new LeadCandidate(opened(report, freshLeadId), List.of(report.facts().terms())));
        }
        return decision;
    }

    /** The open candidates as they stand after the reports decided so far. */
    public List<LeadCandidate> candidates() {
        return List.copyOf(candidates);
    }

    private void attach(TriagedReport report, String leadId) {
        for (int i = 0; i < candidates.size(); i++) {
            LeadCandidate c = candidates.get(i);
            if (c.lead().id().equals(leadId)) {
                List<Set<String>> terms = new ArrayList<>();
                terms.add(report.facts().terms());
                terms.addAll(c.recentTerms().subList(0, Math.min(c.recentTerms().size(), keptTermLists - 1)));
                candidates.set(i, new LeadCandidate(grown(c.lead(), report), terms));
                return;
            }
        }
    }

    private static Lead opened(TriagedReport t, String id) {
        Instant at = t.facts().receivedAt();
        return new Lead(id, LeadStatus.NEW, t.facts().region(), t.facts().place(), t.facts().category(),
                t.priority(), t.score(), at, at, 1, 1, Set.of(t.report().language()), t.children());
    }

    private static Lead grown(Lead lead, TriagedReport t) {
        Instant at = t.facts().receivedAt();
        boolean higher = t.score() > lead.score();
        Set<org.kunnafoni.triage.Language> languages = new HashSet<>(lead.languages());
        languages.add(t.report().language());
        Integer children = t.children() == null || lead.maxChildren() != null && lead.maxChildren() >= t.children()
                ? lead.maxChildren() : t.children();
        // the reporter count is a set size the store knows and this view does not; it is left as read
        return new Lead(lead.id(), lead.status(), lead.region(),
                lead.place() != null ? lead.place() : t.facts().place(), lead.category(),
                higher ? t.priority() : lead.priority(), Math.max(lead.score(), t.score()),
                at.isBefore(lead.firstSeen()) ? at : lead.firstSeen(), at.isAfter(lead.lastSeen()) ? at : lead.lastSeen(),
                lead.reportCount() + 1, lead.reporterCount(), languages, children);
    }
}
