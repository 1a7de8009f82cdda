package org.kunnafoni.channel.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.IntakeOutcome;
import org.kunnafoni.intake.IntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /channels/relay}: an Android phone on a local SIM running an SMSSync-compatible app forwards the
 * SMS it receives (Twilio cannot receive SMS in Mali). Each device has its own shared secret. A reply (e.g. to
 * an opt-out) rides back in the same answer as an SMSSync {@code send} task. Requests with a {@code task}
 * parameter (the phone polling for outbound messages and reporting results) go to {@link RelayTasks}.
 */
public final class RelayWebhook implements Handler<RoutingContext> {
    public static final String PATH = "/channels/relay";
    static final String CHANNEL = "relay";
    private static final Logger LOG = LoggerFactory.getLogger(RelayWebhook.class);

    private final RelayDevices devices;
    private final IntakeService intake;
    private final InstantSource clock;
    private final MeterRegistry registry;
    private final RelayTasks tasks;

    public RelayWebhook(RelayDevices devices, IntakeService intake, InstantSource clock, MeterRegistry registry,
                        RelayTasks tasks) {
        this.devices = devices;
        this.intake = intake;
        this.clock = clock;
        this.registry = registry;
        this.tasks = tasks;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String task = ctx.request().getParam("task");
        if (task != null) {
            tasks.handle(ctx, task.trim().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        if (ctx.request().method() != io.vertx.core.http.HttpMethod.POST) {
            fail(ctx, 400, "missing task");
            return;
        }
        receive(ctx);
    }

    private void receive(RoutingContext ctx) {
        RelayRequest request = RelayRequest.from(ctx.request().formAttributes());
        Optional<String> invalid = request.missingField();
        if (invalid.isPresent()) {
            registry.counter("kunnafoni.relay.requests.invalid").increment();
            fail(ctx, 400, "missing " + invalid.get());
            return;
        }
        if (!devices.authenticate(request.deviceId(), request.secret())) {
            registry.counter("kunnafoni.relay.secret.rejected").increment();
            LOG.warn("rejected a relay post with a wrong secret for device '{}'", request.safeDeviceId());
            fail(ctx, 403, "unknown device or wrong secret");
            return;
        }
        InboundMessage message = request.toMessage(CHANNEL, clock.instant());
        Future.fromCompletionStage(intake.accept(message), ctx.vertx().getOrCreateContext())
                .onSuccess(outcome -> succeed(ctx, message, outcome, request.secret()))
                .onFailure(error -> {
                    LOG.error("could not store relay message {}: {}", message.providerId(), error.toString());
                    fail(ctx, 503, "temporarily unavailable");
                });
    }

    private static void succeed(RoutingContext ctx, InboundMessage message, IntakeOutcome outcome, String secret) {
        JsonObject payload = new JsonObject().put("success", true).putNull("error");
        outcome.reply().ifPresent(reply -> payload
                .put("task", "send")
                .put("secret", secret)
                .put("messages", new JsonArray().add(new JsonObject()
                        .put("to", message.from())
                        .put("message", reply)
                        .put("uuid", UUID.randomUUID().toString()))));
        json(ctx, 200, payload);
    }

    private static void fail(RoutingContext ctx, int status, String error) {
        json(ctx, status, new JsonObject().put("success", false).put("error", error));
    }

    private static void json(RoutingContext ctx, int status, JsonObject payload) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("payload", payload).encode());
    }
}
