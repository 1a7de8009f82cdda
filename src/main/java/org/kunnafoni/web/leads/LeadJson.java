package org.kunnafoni.web.leads;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.Lead;
import org.kunnafoni.lead.LeadReport;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.PhoneMask;
import org.kunnafoni.lead.ReviewedDetail;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.triage.Language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads as the contract's JSON. Nothing here can carry a reporter's number: reports show the pseudonym, and for
 * monitors any number typed into a text or note is masked ({@link PhoneMask}).
 */
final class LeadJson {
    private LeadJson() {
    }

    static JsonObject summary(ReviewedLead reviewed) {
        Lead l = reviewed.lead();
        return new JsonObject()
                .put("id", l.id()).put("status", l.status().id()).put("region", l.region()).put("place", l.place())
                .put("category", l.category().id()).put("priority", l.priority().id()).put("score", l.score())
                .put("first_seen", l.firstSeen().toString()).put("last_seen", l.lastSeen().toString())
                .put("report_count", l.reportCount()).put("reporter_count", l.reporterCount())
                .put("languages", new JsonArray(l.languages().stream().map(Language::code).sorted().toList()))
                .put("children", l.maxChildren()).put("assigned_to", reviewed.assignedTo())
                .put("opened", reviewed.opened()).put("escalated", reviewed.escalated())
                .put("merged_into", reviewed.mergedInto());
    }

    static JsonObject detail(ReviewedDetail detail, Map<String, String> channels, List<LeadStatus> allowed,
                             boolean mask) {
        JsonArray reports = new JsonArray();
        detail.reports().forEach(r -> reports.add(report(r, channels.get(r.entryId()), mask)));
        JsonArray history = new JsonArray();
        detail.history().forEach(h -> history.add(history(h, mask)));
        return summary(detail.lead()).put("reports", reports).put("history", history)
                .put("allowed_transitions", new JsonArray(allowed.stream().map(LeadStatus::id).toList()));
    }

    private static JsonObject report(LeadReport r, String channel, boolean mask) {
        return new JsonObject().put("id", r.entryId()).put("reporter", r.reporter()).put("channel", channel)
                .put("text", mask ? PhoneMask.mask(r.text()) : r.text())
                .put("received_at", r.receivedAt().toString()).put("language", r.language().code())
                .put("triage", new JsonObject(new LinkedHashMap<>(r.triage())));
    }

    static JsonObject history(HistoryEntry h, boolean mask) {
        return new JsonObject().put("at", h.at().toString()).put("actor", h.actor()).put("action", h.action())
                .put("from", h.from()).put("to", h.to()).put("note", mask ? PhoneMask.mask(h.note()) : h.note());
    }
}
