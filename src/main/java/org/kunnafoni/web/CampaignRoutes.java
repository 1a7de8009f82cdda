package org.kunnafoni.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.campaign.Campaigns;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.AuthService;
import org.kunnafoni.web.auth.Role;

import java.util.Map;
import java.util.function.Function;

/**
 * Awareness campaigns for supervisors and admins: {@code POST /api/campaigns/preview}, {@code POST /api/campaigns},
 * {@code GET /api/campaigns}, {@code GET /api/campaigns/{id}} (with live progress) and
 * {@code POST /api/campaigns/{id}/cancel}. Creating and canceling are written to the audit log.
 */
public final class CampaignRoutes implements ApiModule {
    private static final int LIST_LIMIT = 100;

    private final Campaigns campaigns;
    private final AuthService auth;
    private final AuthHandler authenticated;

    public CampaignRoutes(Campaigns campaigns, AuthService auth, AuthHandler authenticated) {
        this.campaigns = campaigns;
        this.auth = auth;
        this.authenticated = authenticated;
    }

    @Override
    public void mount(Router api) {
        api.route("/campaigns*").handler(authenticated).handler(AuthHandler.require(Role.SUPERVISOR));
        api.post("/campaigns/preview").handler(this::preview);
        api.post("/campaigns").handler(this::create);
        api.get("/campaigns").handler(this::list);
        api.get("/campaigns/:id").handler(this::show);
        api.post("/campaigns/:id/cancel").handler(this::cancel);
    }

    private void preview(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body != null) {
            Api.await(ctx, campaigns.preview(body.getMap()), outcome -> answer(ctx, outcome, 200, CampaignJson::preview));
        }
    }

    private void create(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        String user = AuthHandler.session(ctx).username();
        Api.await(ctx, campaigns.create(body.getMap(), user), outcome -> {
            if (outcome instanceof Campaigns.Outcome.Done<Campaigns.Created> done) {
                Campaigns.Created created = done.value();
                Api.await(ctx, auth.record(user, "campaign_created", created.campaign().id(), Api.address(ctx),
                                Map.of("topic", created.campaign().topic(),
                                        "regions", String.join(",", created.campaign().regions()),
                                        "recipients", Long.toString(created.preview().totalRecipients()))),
                        v -> Api.json(ctx, 201, new JsonObject().put("campaign", CampaignJson.campaign(created.campaign()))
                                .put("first_run", created.firstRun().toString())
                                .put("preview", CampaignJson.preview(created.preview()))));
            } else {
                answer(ctx, outcome, 201, x -> new JsonObject());
            }
        });
    }

    private void list(RoutingContext ctx) {
        Api.await(ctx, campaigns.recent(LIST_LIMIT), list -> {
            JsonArray out = new JsonArray();
            list.forEach(c -> out.add(CampaignJson.campaign(c)));
            Api.json(ctx, 200, new JsonObject().put("campaigns", out));
        });
    }

    private void show(RoutingContext ctx) {
        Api.await(ctx, campaigns.view(ctx.pathParam("id")), outcome -> answer(ctx, outcome, 200, CampaignJson::view));
    }

    private void cancel(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String user = AuthHandler.session(ctx).username();
        Api.await(ctx, campaigns.cancel(id), outcome -> {
            if (outcome instanceof Campaigns.Outcome.Done<Long> done) {
                Api.await(ctx, auth.record(user, "campaign_canceled", id, Api.address(ctx),
                                Map.of("canceled_dispatches", Long.toString(done.value()))),
                        v -> Api.json(ctx, 200, new JsonObject().put("id", id).put("status", "canceled")
                                .put("canceled_dispatches", done.value())));
            } else {
                answer(ctx, outcome, 200, x -> new JsonObject());
            }
        });
    }

    private static <T> void answer(RoutingContext ctx, Campaigns.Outcome<T> outcome, int status,
                                   Function<T, JsonObject> json) {
        if (outcome instanceof Campaigns.Outcome.Done<T> done) {
            Api.json(ctx, status, json.apply(done.value()));
        } else if (outcome instanceof Campaigns.Outcome.Invalid<T> invalid) {
            Api.json(ctx, 400, new JsonObject().put("error", String.join("; ", invalid.errors()))
                    .put("errors", new JsonArray(invalid.errors())));
        } else if (outcome instanceof Campaigns.Outcome.Conflict<T> conflict) {
            Api.error(ctx, 409, "the campaign is already " + conflict.status().id());
        } else {
            Api.error(ctx, 404, "no such campaign");
        }
    }
}
