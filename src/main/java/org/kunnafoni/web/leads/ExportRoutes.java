package org.kunnafoni.web.leads;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.lead.LeadExport;
import org.kunnafoni.lead.LeadOrder;
import org.kunnafoni.lead.LeadQuery;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.ApiModule;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.Role;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/leads/export?format=csv|json}: matching leads without personal data, for supervisors; audited. */
public final class ExportRoutes implements ApiModule {
    private static final List<String> FILTERS = List.of("status", "region", "category", "priority", "from", "to");
    private final ReviewContext rc;

    public ExportRoutes(ReviewContext rc) {
        this.rc = rc;
    }

    @Override
    public void mount(Router api) {
        api.get("/leads/export").handler(rc.authenticated()).handler(AuthHandler.require(Role.SUPERVISOR))
                .handler(rc.validate(HttpMethod.GET, "/leads/export")).handler(this::export);
    }

    private void export(RoutingContext ctx) {
        LeadQuery query = LeadFilters.from(ctx);
        String format = ctx.request().getParam("format");
        Api.await(ctx, rc.review().all(false), all -> {
            List<ReviewedLead> leads = all.stream().filter(query::matches)
                    .sorted(Comparator.comparing(ReviewedLead::lead, LeadOrder.QUEUE)).toList();
            Map<String, String> details = new LinkedHashMap<>();
            details.put("format", format);
            details.put("count", Integer.toString(leads.size()));
            FILTERS.forEach(f -> {
                String value = LeadFilters.param(ctx, f);
                if (value != null) {
                    details.put(f, value);
                }
            });
            Api.await(ctx, rc.auth().record(AuthHandler.session(ctx).username(), "export", "leads",
                    Api.address(ctx), details), v -> answer(ctx, format, leads));
        });
    }

    private static void answer(RoutingContext ctx, String format, List<ReviewedLead> leads) {
        if ("csv".equals(format)) {
            ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .putHeader("Content-Disposition", "attachment; filename=\"kunnafoni-leads.csv\"")
                    .end(LeadExport.csv(leads.stream().map(ReviewedLead::lead).toList()));
            return;
        }
        JsonArray out = new JsonArray();
        // who is assigned is staff data, not for an export that leaves the organisation
        leads.forEach(l -> {
            JsonObject summary = LeadJson.summary(l);
            summary.remove("assigned_to");
            out.add(summary);
        });
        Api.json(ctx, 200, new JsonObject().put("leads", out));
    }
}
