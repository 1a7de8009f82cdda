package org.kunnafoni.store;

import org.kunnafoni.lead.Lead;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A lead hash as written by lead_attach_or_open.lua, read back into a {@link Lead}. */
final class LeadHash {
    private LeadHash() {
    }

    static Optional<Lead> toLead(Map<String, String> h) {
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Lead(
                h.get("id"),
                LeadStatus.fromId(h.get("status")).orElseThrow(),
                blankToNull(h.get("region")),
                blankToNull(h.get("place")),
                Category.fromId(h.get("category")).orElseThrow(),
                Priority.valueOf(h.get("priority").toUpperCase(Locale.ROOT)),
                Integer.parseInt(h.get("score")),
                Instant.parse(h.get("first_seen")),
                Instant.parse(h.get("last_seen")),
                Integer.parseInt(h.get("report_count")),
                Integer.parseInt(h.get("reporter_count")),
                languages(h.getOrDefault("languages", "")),
                blankToNull(h.get("max_children")) == null ? null : Integer.valueOf(h.get("max_children"))));
    }

    private static Set<Language> languages(String joined) {
        return Arrays.stream(joined.split(",")).map(Language::fromCode).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
