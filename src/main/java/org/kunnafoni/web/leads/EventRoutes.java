package org.kunnafoni.web.leads;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.web.ApiModule;

/**
 * {@code GET /api/events}: server-sent events for open dashboards (any role). Each connection listens on the
 * local event bus, where this instance's lead-change poller publishes {@code {"event", "data"}} messages; the
 * poller reads Redis, so changes made through any instance reach every dashboard.
 */
public final class EventRoutes implements ApiModule {
    public static final String ADDRESS = "kunnafoni.review.events";
    // keeps idle connections open through proxies that close silent ones
    private static final long HEARTBEAT_MS = 15_000;
    private final ReviewContext rc;

    public EventRoutes(ReviewContext rc) {
        this.rc = rc;
    }

    @Override
    public void mount(Router api) {
        api.get("/events").handler(rc.authenticated()).handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        response.write(": connected\n\n");
        MessageConsumer<JsonObject> consumer = ctx.vertx().eventBus().consumer(ADDRESS, message -> {
            JsonObject event = message.body();
            if (!response.ended() && !response.closed()) {
                response.write("event: " + event.getString("event") + "\ndata: "
                        + event.getJsonObject("data").encode() + "\n\n");
            }
        });
        long heartbeat = ctx.vertx().setPeriodic(HEARTBEAT_MS, id -> {
            if (!response.closed()) {
                response.write(": ping\n\n");
            }
        });
        response.closeHandler(v -> {
            consumer.unregister();
            ctx.vertx().cancelTimer(heartbeat);
        });
    }

    /** The message a dashboard receives for a lead event. */
    public static JsonObject message(String event, JsonObject data) {
        return new JsonObject().put("event", event).put("data", data);
    }

    public static JsonObject summary(org.kunnafoni.lead.ReviewedLead lead) {
        return LeadJson.summary(lead);
    }
}
