package org.kunnafoni.web.leads;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.ApiModule;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.Role;

import java.util.Map;

/**
 * {@code POST /api/leads/{id}/reveal}: a reporter's number, for supervisors, with a written reason. The audit entry
 * is written before the number is decrypted: if the audit log cannot take it, nobody sees the number.
 */
public final class RevealRoutes implements ApiModule {
    static final int MIN_REASON = 10;
    private final ReviewContext rc;

    public RevealRoutes(ReviewContext rc) {
        this.rc = rc;
    }

    @Override
    public void mount(Router api) {
        api.post("/leads/:id/reveal").handler(rc.authenticated()).handler(AuthHandler.require(Role.SUPERVISOR))
                .handler(rc.validate(HttpMethod.POST, "/leads/{id}/reveal")).handler(this::reveal);
    }

    private void reveal(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        String reportId = body.getString("report_id");
        String reason = body.getString("reason").strip();
        if (reason.length() < MIN_REASON) {
            Api.error(ctx, 400, "reason: say why the number is needed, in at least " + MIN_REASON + " characters");
            return;
        }
        Api.await(ctx, rc.review().detail(id), found -> {
            boolean ofLead = found.map(d -> d.reports().stream().anyMatch(r -> r.entryId().equals(reportId)))
                    .orElse(false);
            if (!ofLead) {
                Api.error(ctx, 404, found.isEmpty() ? "no such lead" : "report_id: not a report of this lead");
                return;
            }
            Api.await(ctx, rc.origins().encryptedPhone(reportId), sealed -> {
                if (sealed.isEmpty()) {
                    Api.error(ctx, 404, "the number of this report is no longer kept");
                    return;
                }
                String actor = AuthHandler.session(ctx).username();
                Api.await(ctx, rc.auth().record(actor, "reveal", id, Api.address(ctx),
                                Map.of("report", reportId, "reason", reason))
                        .thenCompose(v -> rc.review().record(id, Details.entry(rc, ctx, "reveal", null, reportId,
                                reason), Map.of())), change -> Api.json(ctx, 200, new JsonObject()
                        .put("report_id", reportId).put("phone", rc.phones().decrypt(sealed.get()))));
            });
        });
    }
}
