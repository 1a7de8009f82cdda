package org.kunnafoni.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.LeadReport;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.triage.Language;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and writes the review side of lead hashes, report hashes and history entries. */
final class ReviewHashes {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ReviewHashes() {
    }

    static Optional<ReviewedLead> toReviewed(Map<String, String> h, Set<String> words) {
        return LeadHash.toLead(h).map(lead -> new ReviewedLead(lead, blankToNull(h.get("assigned_to")),
                instant(h.get("created_at")), instant(h.get("opened_at")), instant(h.get("escalated_at")),
                blankToNull(h.get("merged_into")), words));
    }

    /** Same reading as the lead store's (kept apart so the store's file stays the triage helper's). */
    static Optional<LeadReport> toReport(Map<String, String> h) {
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LeadReport(h.get("entry_id"), h.get("reporter"), h.get("text"),
                Instant.parse(h.get("received_at")), Instant.parse(h.get("triaged_at")),
                Language.fromCode(h.get("language")).orElse(Language.UND), read(h.get("triage"))));
    }

    static String write(HistoryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("from", e.from());
        m.put("to", e.to());
        m.put("note", e.note());
        return write(m);
    }

    static HistoryEntry history(String json) {
        Map<String, Object> m = read(json);
        return new HistoryEntry(Instant.parse((String) m.get("at")), (String) m.get("actor"),
                (String) m.get("action"), (String) m.get("from"), (String) m.get("to"), (String) m.get("note"));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in a lead", e);
        }
    }

    private static Instant instant(String value) {
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
