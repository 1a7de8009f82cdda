package org.kunnafoni.web.leads;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.LeadWorkflow;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.ApiModule;
import org.kunnafoni.web.auth.AuthHandler;

import java.util.Map;
import java.util.Objects;

/** Review actions on one lead: workflow transitions, notes and assignment; each is audited. */
public final class LeadActionRoutes implements ApiModule {
    private final ReviewContext rc;

    public LeadActionRoutes(ReviewContext rc) {
        this.rc = rc;
    }

    @Override
    public void mount(Router api) {
        api.post("/leads/:id/transitions").handler(rc.authenticated())
                .handler(rc.validate(HttpMethod.POST, "/leads/{id}/transitions")).handler(this::transition);
        api.post("/leads/:id/notes").handler(rc.authenticated())
                .handler(rc.validate(HttpMethod.POST, "/leads/{id}/notes")).handler(this::note);
        api.post("/leads/:id/assignment").handler(rc.authenticated())
                .handler(rc.validate(HttpMethod.POST, "/leads/{id}/assignment")).handler(this::assign);
    }

    private void transition(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        LeadStatus to = LeadStatus.fromId(body.getString("to")).orElseThrow();
        String note = Details.note(body);
        withLead(ctx, lead -> {
            LeadStatus from = lead.lead().status();
            LeadWorkflow.Move move = LeadWorkflow.decide(from, to, Details.supervisor(ctx));
            if (move instanceof LeadWorkflow.Move.Illegal illegal) {
                Api.error(ctx, 409, illegal.reason());
            } else if (move instanceof LeadWorkflow.Move.NeedsSupervisor) {
                Api.error(ctx, 403, "reopening a decided lead needs the supervisor role");
            } else {
                HistoryEntry entry = Details.entry(rc, ctx, "transition", from.id(), to.id(), note);
                Api.await(ctx, rc.review().transition(lead.id(), lead.lead().category().id(), from, to, entry),
                        change -> audited(ctx, change, "transition", lead.id(),
                                Map.of("from", from.id(), "to", to.id()), 200));
            }
        });
    }

    private void note(RoutingContext ctx) {
        String text = ctx.body().asJsonObject().getString("text").strip();
        if (text.isEmpty()) {
            Api.error(ctx, 400, "text: a note needs some words");
            return;
        }
        String id = ctx.pathParam("id");
        HistoryEntry entry = Details.entry(rc, ctx, "note", null, null, text);
        Api.await(ctx, rc.review().record(id, entry, Map.of()), change -> {
            if (Details.done(ctx, change)) {
                // the note's words stay on the lead; the audit log records that one was written, and its size
                Api.await(ctx, rc.auth().record(entry.actor(), "note", id, Api.address(ctx),
                                Map.of("length", Integer.toString(text.length()))),
                        v -> Api.json(ctx, 201, LeadJson.history(entry, Details.masked(ctx))));
            }
        });
    }

    private void assign(RoutingContext ctx) {
        String assignee = ctx.body().asJsonObject().getString("assignee");
        String me = AuthHandler.session(ctx).username();
        withLead(ctx, lead -> {
            boolean own = Objects.equals(assignee, me)
                    || assignee == null && (lead.assignedTo() == null || lead.assignedTo().equals(me));
            if (!Details.supervisor(ctx) && !own) {
                Api.error(ctx, 403, "monitors may only assign a lead to themselves");
                return;
            }
            Api.await(ctx, rc.auth().users(), users -> {
                if (assignee != null && users.stream().noneMatch(u -> u.username().equals(assignee) && !u.disabled())) {
                    Api.error(ctx, 400, "assignee: no such active user");
                    return;
                }
                HistoryEntry entry = Details.entry(rc, ctx, "assignment", lead.assignedTo(), assignee, null);
                Api.await(ctx, rc.review().record(lead.id(), entry, Map.of("assigned_to",
                                assignee == null ? "" : assignee)),
                        change -> audited(ctx, change, "assignment", lead.id(),
                                Map.of("to", assignee == null ? "" : assignee), 200));
            });
        });
    }

    private void withLead(RoutingContext ctx, java.util.function.Consumer<ReviewedLead> then) {
        Api.await(ctx, rc.review().summary(ctx.pathParam("id")), found -> {
            if (found.isEmpty()) {
                Api.error(ctx, 404, "no such lead");
            } else {
                then.accept(found.get());
            }
        });
    }

    private void audited(RoutingContext ctx, org.kunnafoni.lead.LeadReview.Change change, String action, String id,
                         Map<String, String> details, int status) {
        if (Details.done(ctx, change)) {
            Api.await(ctx, rc.auth().record(AuthHandler.session(ctx).username(), action, id, Api.address(ctx),
                    details), v -> Details.send(rc, ctx, id, status));
        }
    }
}
