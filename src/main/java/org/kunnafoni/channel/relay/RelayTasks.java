package org.kunnafoni.channel.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.dispatch.DeliveryReport;
import org.kunnafoni.dispatch.DeliveryReports;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.dispatch.DispatchStore.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SMSSync task protocol on {@code /channels/relay?task=…}: a phone polls for messages to send
 * ({@code send}), confirms those it queued ({@code sent}), is asked for results and posts them ({@code result}).
 * Every request is authenticated per device; results move dispatches forward through {@link DeliveryReports}.
 */
public final class RelayTasks {
    private static final Logger LOG = LoggerFactory.getLogger(RelayTasks.class);
    /** uuids asked for per {@code GET ?task=result}; the phone answers for each, so keep the answer small. */
    private static final int RESULT_QUERY_MAX = 100;

    private final RelayDevices devices;
    private final RelayOutbox outbox;
    private final DeliveryReports reports;
    private final PhoneProtector phones;
    private final RelaySettings settings;
    private final InstantSource clock;
    private final MeterRegistry registry;

    public RelayTasks(RelayDevices devices, RelayOutbox outbox, DeliveryReports reports, PhoneProtector phones,
                      RelaySettings settings, InstantSource clock, MeterRegistry registry) {
        this.devices = devices;
        this.outbox = outbox;
        this.reports = reports;
        this.phones = phones;
        this.settings = settings;
        this.clock = clock;
        this.registry = registry;
    }

    void handle(RoutingContext ctx, String task) {
        boolean post = ctx.request().method() == HttpMethod.POST;
        if (!List.of("send", "sent", "result").contains(task) || "sent".equals(task) && !post) {
            RelayAnswers.failure(ctx, 400, "unknown task");
            return;
        }
        RelayAnswers.Body body = post ? RelayAnswers.jsonBody(ctx) : RelayAnswers.Body.EMPTY;
        Optional<String> device = devices.identify(param(ctx, body, "device_id"), param(ctx, body, "secret").orElse(null));
        if (device.isEmpty()) {
            registry.counter("kunnafoni.relay.secret.rejected").increment();
            LOG.warn("rejected a relay task '{}' with an unknown device or wrong secret", task);
            RelayAnswers.failure(ctx, 403, "unknown device or wrong secret");
            return;
        }
        if (body.malformed()) {
            RelayAnswers.failure(ctx, 400, "body is not a JSON object");
            return;
        }
        registry.counter("kunnafoni.relay.tasks", "task", task).increment();
        String secret = param(ctx, body, "secret").orElseThrow();
        CompletionStage<JsonObject> answer = switch (task) {
            case "send" -> handOut(device.get(), secret);
            case "sent" -> confirm(device.get(), body.json());
            default -> post ? results(device.get(), body.json()) : askResults(device.get());
        };
        answer(ctx, task, answer);
    }

    /** A null answer means the body lacked the array the task needs. */
    private static void answer(RoutingContext ctx, String task, CompletionStage<JsonObject> answer) {
        Future.fromCompletionStage(answer, ctx.vertx().getOrCreateContext())
                .onSuccess(json -> {
                    if (json == null) {
                        RelayAnswers.failure(ctx, 400, "missing " + ("sent".equals(task) ? "queued_messages" : "message_result"));
                    } else {
                        RelayAnswers.json(ctx, 200, json);
                    }
                })
                .onFailure(error -> {
                    LOG.error("relay task '{}' failed: {}", task, error.toString());
                    RelayAnswers.failure(ctx, 503, "temporarily unavailable");
                });
    }

    /** SMSSync sends the secret as a query parameter; a form field or a JSON field is accepted as well. */
    private static Optional<String> param(RoutingContext ctx, RelayAnswers.Body body, String name) {
        String value = ctx.request().getParam(name);
        if ((value == null || value.isBlank()) && body.json() != null && body.json().getValue(name) instanceof String s) {
            value = s;
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private CompletionStage<JsonObject> handOut(String device, String secret) {
        return outbox.lease(device, settings.batch(), clock.instant(), settings.lease(), settings.maxHandouts())
                .thenCompose(lease -> giveUp(lease.abandoned()).thenApply(v -> {
                    JsonArray messages = new JsonArray();
                    for (RelayOutbox.Outgoing message : lease.messages()) {
                        decrypted(message).ifPresent(to -> messages.add(new JsonObject()
                                .put("to", to).put("message", message.message()).put("uuid", message.uuid())));
                    }
                    registry.counter("kunnafoni.relay.messages.handed.out").increment(messages.size());
                    return new JsonObject().put("payload", new JsonObject()
                            .put("task", "send").put("secret", secret).put("messages", messages));
                }));
    }

    /** A number that cannot be decrypted (key changed) is left out; after its hand-outs it is given up. */
    private Optional<String> decrypted(RelayOutbox.Outgoing message) {
        try {
            return Optional.of(phones.decrypt(message.encryptedTo()));
        } catch (RuntimeException e) {
            LOG.error("cannot decrypt the number of relay message {}: {}", message.uuid(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private CompletionStage<Void> giveUp(List<String> abandoned) {
        List<CompletableFuture<Change>> changes = new ArrayList<>();
        for (String uuid : abandoned) {
            LOG.warn("relay message {} was handed out {} times without a confirmation; giving up", uuid,
                    settings.maxHandouts());
            changes.add(reports.apply(report(uuid, DispatchState.FAILED,
                    Optional.of("relay phone never confirmed it"))).toCompletableFuture());
        }
        return CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new));
    }

    private CompletionStage<JsonObject> confirm(String device, JsonObject body) {
        Optional<List<String>> queued = RelayTaskBodies.queuedUuids(body);
        if (queued.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<List<String>> accepted = queued.get().isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : outbox.confirm(device, queued.get(), clock.instant());
        return accepted.thenApply(uuids -> new JsonObject().put("message_uuids", new JsonArray(uuids)));
    }

    private CompletionStage<JsonObject> askResults(String device) {
        return outbox.awaitingResults(device, RESULT_QUERY_MAX, clock.instant().minus(settings.resultsFor()))
                .thenApply(uuids -> new JsonObject().put("message_uuids", new JsonArray(uuids)));
    }

    private CompletionStage<JsonObject> results(String device, JsonObject body) {
        Optional<List<RelayTaskBodies.Result>> results = RelayTaskBodies.results(body);
        if (results.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<String> uuids = results.get().stream().map(RelayTaskBodies.Result::uuid).toList();
        CompletionStage<Set<String>> owned = uuids.isEmpty() ? CompletableFuture.completedFuture(Set.of())
                : outbox.owned(device, uuids);
        return owned.thenCompose(mine -> applyResults(device, results.get(), mine))
                .thenApply(v -> RelayAnswers.success());
    }

    /** Results for messages this device never confirmed are ignored: a phone reports only on its own messages. */
    private CompletionStage<Void> applyResults(String device, List<RelayTaskBodies.Result> results, Set<String> mine) {
        List<CompletableFuture<Optional<String>>> settled = new ArrayList<>();
        for (RelayTaskBodies.Result result : results) {
            Optional<RelayResults.Outcome> outcome = mine.contains(result.uuid())
                    ? RelayResults.read(result.sentCode(), result.deliveredCode(), result.deliveredMessage())
                    : Optional.empty();
            outcome.ifPresent(o -> settled.add(reports.apply(report(result.uuid(), o.state(), o.reason()))
                    .thenApply(change -> o.state().isFinal() || change == Change.MISSING
                            ? Optional.of(result.uuid()) : Optional.<String>empty())
                    .toCompletableFuture()));
        }
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            List<String> done = settled.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
            return done.isEmpty() ? CompletableFuture.<Void>completedFuture(null) : outbox.settle(device, done);
        });
    }

    /** The uuid is the dispatch id, so the report names its dispatch directly. */
    private static DeliveryReport report(String uuid, DispatchState state, Optional<String> reason) {
        return new DeliveryReport(Optional.of(uuid), uuid, state, Optional.empty(), reason);
    }
}
