package org.kunnafoni.web.leads;

import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.LeadReport;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.lead.LeadWorkflow;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.Role;
import org.kunnafoni.web.auth.Session;

/** Answers shared by the lead routes: a lead's detail for the caller's role, and change outcomes. */
final class Details {
    private Details() {
    }

    static boolean supervisor(RoutingContext ctx) {
        return AuthHandler.session(ctx).role().atLeast(Role.SUPERVISOR);
    }

    /** Monitors never see a number, not even one typed into a text. */
    static boolean masked(RoutingContext ctx) {
        return !supervisor(ctx);
    }

    static HistoryEntry entry(ReviewContext rc, RoutingContext ctx, String action, String from, String to,
                              String note) {
        Session session = AuthHandler.session(ctx);
        return new HistoryEntry(rc.clock().instant(), session.username(), action, from, to, note);
    }

    /** Sends the lead's detail as the caller may see it, or 404. */
    static void send(ReviewContext rc, RoutingContext ctx, String id, int status) {
        Api.await(ctx, rc.review().detail(id), found -> {
            if (found.isEmpty()) {
                Api.error(ctx, 404, "no such lead");
                return;
            }
            var detail = found.get();
            Api.await(ctx, rc.origins().channels(detail.reports().stream().map(LeadReport::entryId).toList()),
                    channels -> Api.json(ctx, status, LeadJson.detail(detail, channels,
                            LeadWorkflow.allowed(detail.lead().lead().status(), supervisor(ctx)), masked(ctx))));
        });
    }

    /** Answers a refused change (404 or 409); true when the change was done and the caller should go on. */
    static boolean done(RoutingContext ctx, LeadReview.Change change) {
        if (change instanceof LeadReview.Change.Missing) {
            Api.error(ctx, 404, "no such lead");
            return false;
        }
        if (change instanceof LeadReview.Change.Conflict conflict) {
            Api.error(ctx, 409, conflict.reason());
            return false;
        }
        return true;
    }

    /** An optional note from the request body, trimmed; null when absent or blank. */
    static String note(io.vertx.core.json.JsonObject body) {
        String note = body.getString("note");
        return note == null || note.isBlank() ? null : note.strip();
    }
}
