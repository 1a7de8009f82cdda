package org.kunnafoni.web.leads;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TriageView;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.ApiModule;

import java.util.LinkedHashMap;
import java.util.Optional;

/** {@code POST /api/triage/preview}: triage a text without storing it (any role); the engine runs off the event loop. */
public final class PreviewRoutes implements ApiModule {
    private final ReviewContext rc;

    public PreviewRoutes(ReviewContext rc) {
        this.rc = rc;
    }

    @Override
    public void mount(Router api) {
        api.post("/triage/preview").handler(rc.authenticated())
                .handler(rc.validate(HttpMethod.POST, "/triage/preview")).handler(this::preview);
    }

    private void preview(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String text = body.getString("text");
        Optional<Language> language = Optional.ofNullable(body.getString("language")).flatMap(Language::fromCode);
        ctx.vertx().executeBlocking(() -> TriageView.of(rc.engine().triage(text, language)), false)
                .onSuccess(view -> Api.json(ctx, 200, new JsonObject(new LinkedHashMap<>(view))))
                .onFailure(e -> Api.error(ctx, 500, "triage failed"));
    }
}
