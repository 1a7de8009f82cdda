package org.kunnafoni.web.radio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.kunnafoni.intake.keyword.KeywordCommand.RadioConfirmation;
import org.kunnafoni.radio.ConfirmationResult;
import org.kunnafoni.radio.RadioPartner;
import org.kunnafoni.radio.RadioService;
import org.kunnafoni.radio.ScriptSections;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.RootModule;

import java.time.InstantSource;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The partner API, authenticated by the station's bearer token: {@code GET /partner/scripts},
 * {@code GET /partner/scripts/{id}} (JSON, or a printable page with {@code ?format=html}) and
 * {@code POST /partner/scripts/{id}/confirmations} ({@code {"status":"aired"|"postponed","reason":"…"}}).
 * Another station's script answers 404, exactly like a script that does not exist.
 */
public final class PartnerRoutes implements RootModule {
    private static final int BODY_LIMIT = 2048;

    private final RadioService radio;
    private final InstantSource clock;

    public PartnerRoutes(RadioService radio, InstantSource clock) {
        this.radio = radio;
        this.clock = clock;
    }

    @Override
    public void mount(Router root) {
        root.post("/partner/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        root.get("/partner/scripts").handler(ctx -> withPartner(ctx, this::list));
        root.get("/partner/scripts/:id").handler(ctx -> withPartner(ctx, this::show));
        root.post("/partner/scripts/:id/confirmations").handler(ctx -> withPartner(ctx, this::confirm));
    }

    private void withPartner(RoutingContext ctx, BiConsumer<RoutingContext, RadioPartner> then) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : null;
        Api.await(ctx, radio.authenticate(token), partner -> partner.ifPresentOrElse(p -> then.accept(ctx, p),
                () -> ctx.response().putHeader("WWW-Authenticate", "Bearer").setStatusCode(401)
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(new JsonObject().put("error", "a valid partner token is required").encode())));
    }

    private void list(RoutingContext ctx, RadioPartner partner) {
        Api.await(ctx, radio.scriptsOf(partner), scripts -> {
            JsonArray out = new JsonArray();
            scripts.forEach(s -> out.add(RadioJson.script(s, clock.instant(), radio.reminders(), false)));
            Api.json(ctx, 200, new JsonObject().put("station", partner.station()).put("scripts", out));
        });
    }

    private void show(RoutingContext ctx, RadioPartner partner) {
        Api.await(ctx, radio.scriptOf(partner, ctx.pathParam("id")), found -> found.ifPresentOrElse(s -> {
            if ("html".equals(ctx.request().getParam("format"))) {
                ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                        .putHeader("Content-Security-Policy", PrintablePage.CSP)
                        .end(PrintablePage.render(partner.station(), s, ScriptSections.parse(s.text())));
            } else {
                Api.json(ctx, 200, RadioJson.script(s, clock.instant(), radio.reminders(), true));
            }
        }, () -> Api.error(ctx, 404, "no such script")));
    }

    private void confirm(RoutingContext ctx, RadioPartner partner) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        String status = RadioJson.text(body, "status");
        if (!status.equals("aired") && !status.equals("postponed")) {
            Api.error(ctx, 400, "status: aired or postponed");
            return;
        }
        RadioConfirmation.Kind kind = status.equals("aired") ? RadioConfirmation.Kind.AIRED
                : RadioConfirmation.Kind.POSTPONED;
        Optional<String> reason = Optional.of(RadioJson.text(body, "reason")).map(String::strip)
                .filter(r -> !r.isEmpty()).map(r -> r.length() > 200 ? r.substring(0, 200) : r);
        Api.await(ctx, radio.confirm(partner, ctx.pathParam("id"), kind, reason), result -> {
            if (result instanceof ConfirmationResult.Recorded recorded) {
                Api.json(ctx, 200, RadioJson.script(recorded.script(), clock.instant(), radio.reminders(),
                        false));
            } else {
                Api.error(ctx, 404, "no such script");
            }
        });
    }
}
