package org.kunnafoni.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.store.RedisLeadChanges;
import org.kunnafoni.web.leads.EventRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds this instance's dashboards. Once a second it reads what changed in Redis — review changes from the
 * announcement stream, triage writes from the by-score index (leads active within the look-back whose index score
 * moved) — and publishes each changed lead's summary on the local event bus, where the SSE connections listen.
 * Polling Redis rather than a local signal is what makes a change written by any instance, or by a triage worker
 * in another process, reach every dashboard.
 */
final class LiveUpdates implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);
    private static final long PERIOD_MS = 1000;
    // a triage write is seen if it lands within this long of the report's arrival (queues longer than this are
    // an outage, after which monitors reload anyway)
    private static final Duration LOOK_BACK = Duration.ofMinutes(15);
    private static final int BATCH = 500;

    private final Vertx vertx;
    private final RedisLeadChanges changes;
    private final LeadReview review;
    private final InstantSource clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private Map<String, Double> known = new HashMap<>();
    private String lastId;
    private long timer = -1;

    LiveUpdates(Vertx vertx, RedisLeadChanges changes, LeadReview review, InstantSource clock) {
        this.vertx = vertx;
        this.changes = changes;
        this.review = review;
        this.clock = clock;
    }

    void start() {
        timer = vertx.setPeriodic(PERIOD_MS, id -> tick());
    }

    private void tick() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        poll().whenComplete((v, error) -> {
            if (error != null) {
                LOG.debug("live update poll failed: {}", error.toString());
            }
            busy.set(false);
        });
    }

    private CompletionStage<Void> poll() {
        boolean first = lastId == null;
        CompletionStage<String> from = first ? changes.lastId() : CompletableFuture.completedFuture(lastId);
        return from.thenCompose(after -> changes.after(after, BATCH).thenCombine(
                changes.activeSince(clock.millis() - LOOK_BACK.toMillis()), (announced, active) -> {
                    Map<String, String> events = new LinkedHashMap<>();
                    active.forEach((id, score) -> {
                        if (!first && !score.equals(known.get(id))) {
                            events.put(id, "lead");
                        }
                    });
                    announced.forEach(a -> events.merge(a.leadId(), a.type(),
                            (x, y) -> "escalation".equals(y) ? y : x));
                    known = active;
                    lastId = announced.isEmpty() ? after : announced.get(announced.size() - 1).streamId();
                    return events;
                })).thenCompose(this::publish);
    }

    private CompletionStage<Void> publish(Map<String, String> events) {
        CompletableFuture<?>[] each = events.entrySet().stream().map(e -> review.summary(e.getKey())
                .thenAccept(found -> found.ifPresent(lead -> vertx.runOnContext(v -> vertx.eventBus().publish(
                        EventRoutes.ADDRESS, EventRoutes.message(e.getValue(), EventRoutes.summary(lead))))))
                .toCompletableFuture()).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(each);
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
