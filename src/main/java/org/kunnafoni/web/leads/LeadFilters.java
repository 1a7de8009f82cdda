package org.kunnafoni.web.leads;

import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.lead.LeadQuery;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.TextSimilarity;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;
import org.kunnafoni.web.auth.AuthHandler;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** Query parameters to a {@link LeadQuery}; the contract has already checked every value's type and range. */
final class LeadFilters {
    private LeadFilters() {
    }

    static LeadQuery from(RoutingContext ctx) {
        String q = param(ctx, "q");
        String assigned = param(ctx, "assigned");
        if ("me".equals(assigned)) {
            assigned = AuthHandler.session(ctx).username();
        }
        return new LeadQuery(
                map(param(ctx, "status"), s -> LeadStatus.fromId(s).orElseThrow()),
                param(ctx, "region"),
                map(param(ctx, "category"), c -> Category.fromId(c).orElseThrow()),
                map(param(ctx, "language"), l -> Language.fromCode(l).orElseThrow()),
                map(param(ctx, "priority"), p -> Priority.valueOf(p.toUpperCase(Locale.ROOT))),
                assigned,
                q == null ? List.of() : List.copyOf(TextSimilarity.terms(q)),
                map(param(ctx, "from"), LeadFilters::instant),
                map(param(ctx, "to"), LeadFilters::instant));
    }

    static LeadQuery withoutStatus(LeadQuery q) {
        return new LeadQuery(null, q.region(), q.category(), q.language(), q.priority(), q.assigned(), q.words(),
                q.from(), q.to());
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <T> T map(String value, java.util.function.Function<String, T> parse) {
        return value == null ? null : parse.apply(value);
    }
}
