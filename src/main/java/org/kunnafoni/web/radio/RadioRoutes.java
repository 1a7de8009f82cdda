package org.kunnafoni.web.radio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.radio.PartnerDetails;
import org.kunnafoni.radio.RadioCampaign;
import org.kunnafoni.radio.RadioService;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.ApiModule;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.AuthService;
import org.kunnafoni.web.auth.Role;

import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Radio for supervisors and admins: partners ({@code POST/GET /api/partners}, {@code GET/PUT /api/partners/{id}},
 * {@code POST /api/partners/{id}/revoke}) and campaigns ({@code POST /api/radio/campaigns/preview},
 * {@code POST /api/radio/campaigns}, {@code GET /api/radio/campaigns/{id}} with the confirmation report).
 * Creating a partner answers its API token, once; changes are written to the audit log.
 */
public final class RadioRoutes implements ApiModule {
    private final RadioService radio;
    private final AuthService auth;
    private final AuthHandler authenticated;
    private final Set<String> regions;
    private final Set<String> topics;
    private final String defaultCountry;
    private final InstantSource clock;
    private final Supplier<String> ids;

    public RadioRoutes(RadioService radio, AuthService auth, AuthHandler authenticated, Set<String> regions,
                       Set<String> topics, String defaultCountry, InstantSource clock, Supplier<String> ids) {
        this.radio = radio;
        this.auth = auth;
        this.authenticated = authenticated;
        this.regions = Set.copyOf(regions);
        this.topics = Set.copyOf(topics);
        this.defaultCountry = defaultCountry;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void mount(Router api) {
        api.route("/partners*").handler(authenticated).handler(AuthHandler.require(Role.SUPERVISOR));
        api.route("/radio/*").handler(authenticated).handler(AuthHandler.require(Role.SUPERVISOR));
        api.post("/partners").handler(this::createPartner);
        api.get("/partners").handler(this::listPartners);
        api.get("/partners/:id").handler(this::showPartner);
        api.put("/partners/:id").handler(this::updatePartner);
        api.post("/partners/:id/revoke").handler(this::revokePartner);
        api.post("/radio/campaigns/preview").handler(ctx -> campaign(ctx, false));
        api.post("/radio/campaigns").handler(ctx -> campaign(ctx, true));
        api.get("/radio/campaigns/:id").handler(this::showCampaign);
    }

    private RadioJson.Parsed<PartnerDetails> partnerBody(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return null;
        }
        RadioJson.Parsed<PartnerDetails> parsed = RadioJson.partner(body, regions, defaultCountry);
        if (parsed.value().isEmpty()) {
            invalid(ctx, parsed);
            return null;
        }
        return parsed;
    }

    private void createPartner(RoutingContext ctx) {
        RadioJson.Parsed<PartnerDetails> parsed = partnerBody(ctx);
        if (parsed == null) {
            return;
        }
        String user = AuthHandler.session(ctx).username();
        Api.await(ctx, radio.createPartner(parsed.value().get()), created -> Api.await(ctx,
                auth.record(user, "radio_partner_created", created.partner().id(), Api.address(ctx),
                        Map.of("station", created.partner().station())),
                v -> Api.json(ctx, 201, new JsonObject().put("partner", RadioJson.partner(created.partner()))
                        .put("token", created.token())
                        .put("note", "the token is shown only now; keep it for the station"))));
    }

    private void listPartners(RoutingContext ctx) {
        Api.await(ctx, radio.partners(), list -> {
            JsonArray out = new JsonArray();
            list.forEach(p -> out.add(RadioJson.partner(p)));
            Api.json(ctx, 200, new JsonObject().put("partners", out));
        });
    }

    private void showPartner(RoutingContext ctx) {
        Api.await(ctx, radio.partner(ctx.pathParam("id")), found -> found.ifPresentOrElse(
                p -> Api.json(ctx, 200, RadioJson.partner(p)), () -> Api.error(ctx, 404, "no such partner")));
    }

    private void updatePartner(RoutingContext ctx) {
        RadioJson.Parsed<PartnerDetails> parsed = partnerBody(ctx);
        if (parsed == null) {
            return;
        }
        String user = AuthHandler.session(ctx).username();
        Api.await(ctx, radio.updatePartner(ctx.pathParam("id"), parsed.value().get()), found -> found.ifPresentOrElse(
                p -> Api.await(ctx, auth.record(user, "radio_partner_updated", p.id(), Api.address(ctx), Map.of()),
                        v -> Api.json(ctx, 200, RadioJson.partner(p))),
                () -> Api.error(ctx, 404, "no such partner")));
    }

    private void revokePartner(RoutingContext ctx) {
        String user = AuthHandler.session(ctx).username();
        Api.await(ctx, radio.revokePartner(ctx.pathParam("id")), found -> found.ifPresentOrElse(
                p -> Api.await(ctx, auth.record(user, "radio_partner_revoked", p.id(), Api.address(ctx), Map.of()),
                        v -> Api.json(ctx, 200, RadioJson.partner(p))),
                () -> Api.error(ctx, 404, "no such partner")));
    }

    private void campaign(RoutingContext ctx, boolean create) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        String user = AuthHandler.session(ctx).username();
        RadioJson.Parsed<RadioCampaign> parsed = RadioJson.campaign(body, regions, topics, "RC-" + ids.get(), user,
                clock.instant());
        if (parsed.value().isEmpty()) {
            invalid(ctx, parsed);
            return;
        }
        RadioCampaign c = parsed.value().get();
        if (!create) {
            Api.await(ctx, radio.preview(c), plan -> Api.json(ctx, 200,
                    RadioJson.plan(c, plan, clock.instant(), radio.reminders())));
            return;
        }
        Api.await(ctx, radio.create(c), plan -> Api.await(ctx, auth.record(user, "radio_campaign_created", c.id(),
                        Api.address(ctx), Map.of("topic", c.topic(), "broadcasts", Integer.toString(plan.scripts().size()))),
                v -> Api.json(ctx, 201, RadioJson.plan(c, plan, clock.instant(), radio.reminders()))));
    }

    private void showCampaign(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Api.await(ctx, radio.campaign(id), found -> found.ifPresentOrElse(c -> Api.await(ctx, radio.report(id),
                        report -> Api.json(ctx, 200, new JsonObject().put("campaign", RadioJson.campaign(c))
                                .put("report", RadioJson.report(report)))),
                () -> Api.error(ctx, 404, "no such radio campaign")));
    }

    private static void invalid(RoutingContext ctx, RadioJson.Parsed<?> parsed) {
        Api.json(ctx, 400, new JsonObject().put("error", String.join("; ", parsed.errors()))
                .put("errors", new JsonArray(parsed.errors())));
    }
}
