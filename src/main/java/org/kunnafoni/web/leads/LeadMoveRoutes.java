package org.kunnafoni.web.leads;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.LeadReport;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.LeadWorkflow;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.ApiModule;

import java.util.Map;
import java.util.Optional;

/** Merging two leads about one incident, and splitting a report that is about another one; both audited. */
public final class LeadMoveRoutes implements ApiModule {
    private final ReviewContext rc;

    public LeadMoveRoutes(ReviewContext rc) {
        this.rc = rc;
    }

    @Override
    public void mount(Router api) {
        api.post("/leads/:id/merge").handler(rc.authenticated())
                .handler(rc.validate(HttpMethod.POST, "/leads/{id}/merge")).handler(this::merge);
        api.post("/leads/:id/split").handler(rc.authenticated())
                .handler(rc.validate(HttpMethod.POST, "/leads/{id}/split")).handler(this::split);
    }

    private void merge(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        String from = body.getString("from");
        if (from.equals(id)) {
            Api.error(ctx, 400, "from: a lead cannot be merged into itself");
            return;
        }
        var review = rc.review();
        Api.await(ctx, review.summary(id).thenCombine(review.summary(from), Pair::new), both -> {
            if (both.target().isEmpty() || both.source().isEmpty()) {
                Api.error(ctx, 404, both.target().isEmpty() ? "no such lead" : "from: no such lead");
                return;
            }
            ReviewedLead target = both.target().get();
            ReviewedLead source = both.source().get();
            boolean retry = source.lead().status() == LeadStatus.MERGED && id.equals(source.mergedInto());
            if (!LeadWorkflow.editable(target.lead().status()) || !retry && !LeadWorkflow.editable(source.lead().status())) {
                Api.error(ctx, 409, "only open leads (new or in review) can be merged");
                return;
            }
            HistoryEntry entry = Details.entry(rc, ctx, "merge", from, id, Details.note(body));
            Api.await(ctx, review.merge(target, source, entry), change -> audited(ctx, change, "merge", id,
                    Map.of("from", from), id, 200));
        });
    }

    private record Pair(Optional<ReviewedLead> target, Optional<ReviewedLead> source) {
    }

    private void split(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        String reportId = body.getString("report_id");
        Api.await(ctx, rc.review().detail(id), found -> {
            Optional<LeadReport> report = found.flatMap(d -> d.reports().stream()
                    .filter(r -> r.entryId().equals(reportId)).findFirst());
            if (report.isEmpty()) {
                Api.error(ctx, 404, found.isEmpty() ? "no such lead" : "report_id: not a report of this lead");
                return;
            }
            if (!LeadWorkflow.editable(found.get().lead().lead().status()) || found.get().reports().size() < 2) {
                Api.error(ctx, 409, "only an open lead with more than one report can be split");
                return;
            }
            HistoryEntry entry = Details.entry(rc, ctx, "split", id, null, Details.note(body));
            Api.await(ctx, rc.review().split(found.get(), report.get(), entry), change -> {
                String newId = change instanceof LeadReview.Change.Done done ? done.leadId() : id;
                audited(ctx, change, "split", id, Map.of("report", reportId, "new_lead", newId), newId, 201);
            });
        });
    }

    private void audited(RoutingContext ctx, LeadReview.Change change, String action, String target,
                         Map<String, String> details, String answerWith, int status) {
        if (Details.done(ctx, change)) {
            Api.await(ctx, rc.auth().record(org.kunnafoni.web.auth.AuthHandler.session(ctx).username(), action,
                    target, Api.address(ctx), details), v -> Details.send(rc, ctx, answerWith, status));
        }
    }
}
