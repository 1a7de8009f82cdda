package org.kunnafoni.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.lead.AuditLog;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.Role;

import java.util.Optional;

/** {@code GET /api/audit?limit=&before=}: the audit log, newest first, for supervisors and admins. */
public final class AuditRoutes implements ApiModule {
    private final AuditLog audit;
    private final AuthHandler authenticated;

    public AuditRoutes(AuditLog audit, AuthHandler authenticated) {
        this.audit = audit;
        this.authenticated = authenticated;
    }

    @Override
    public void mount(Router api) {
        api.get("/audit").handler(authenticated).handler(AuthHandler.require(Role.SUPERVISOR)).handler(this::list);
    }

    private void list(RoutingContext ctx) {
        int limit;
        try {
            limit = Integer.parseInt(Optional.ofNullable(ctx.request().getParam("limit")).orElse("100"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        Optional<String> before = Optional.ofNullable(ctx.request().getParam("before"));
        if (limit < 1 || limit > 1000 || before.filter(b -> !b.matches("\\d{1,20}-\\d{1,20}")).isPresent()) {
            Api.error(ctx, 400, "limit must be 1–1000 and before an entry id like 1764400000000-0");
            return;
        }
        Api.await(ctx, audit.recent(limit, before), entries -> {
            JsonArray out = new JsonArray();
            entries.forEach(e -> out.add(new JsonObject().put("id", e.id()).put("at", e.event().at().toString())
                    .put("actor", e.event().actor()).put("action", e.event().action())
                    .put("target", e.event().target()).put("address", e.event().address())
                    .put("details", new JsonObject(new java.util.LinkedHashMap<>(e.event().details())))));
            Api.json(ctx, 200, new JsonObject().put("entries", out));
        });
    }
}
