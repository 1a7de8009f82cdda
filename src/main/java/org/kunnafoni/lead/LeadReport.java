package org.kunnafoni.lead;

import org.kunnafoni.triage.Language;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One alert as stored under its lead.
 *
 * @param entryId    the intake stream entry id, which makes re-processing the same entry idempotent
 * @param reporter   the reporter's pseudonym (never the number)
 * @param triagedAt  when the triage worker wrote it; {@code triagedAt - receivedAt} is the triage latency
 * @param triage     the published triage view ({@code TriageView.of}) with the reasons behind each decision
 */
public record LeadReport(String entryId, String reporter, String text, Instant receivedAt,
                         Instant triagedAt, Language language, Map<String, Object> triage) {
    public LeadReport {
        // the view keeps its reading order and its nulls (no region is an answer too)
        triage = Collections.unmodifiableMap(new LinkedHashMap<>(triage));
    }
}
