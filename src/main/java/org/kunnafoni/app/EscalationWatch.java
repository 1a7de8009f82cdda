package org.kunnafoni.app;

import io.vertx.core.Vertx;
import org.kunnafoni.lead.Escalation;
import org.kunnafoni.lead.HistoryEntry;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.web.auth.AuthService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Escalates urgent leads nobody opened in time. Every instance checks; the flag is set atomically and only if
 * unset, so each lead escalates once however many instances run: the winner writes the audit event and the
 * {@code {escalations}:stream} entry (read by the on-call SMS dispatch), and dashboards get an SSE event.
 */
final class EscalationWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationWatch.class);

    private final Vertx vertx;
    private final LeadReview review;
    private final AuthService auth;
    private final InstantSource clock;
    private final Duration after;
    private final AtomicBoolean busy = new AtomicBoolean();
    private long timer = -1;

    EscalationWatch(Vertx vertx, LeadReview review, AuthService auth, InstantSource clock, Duration after) {
        this.vertx = vertx;
        this.review = review;
        this.auth = auth;
        this.clock = clock;
        this.after = after;
    }

    /** Checks a quarter of the delay apart (between 200 ms and 30 s), so a lead escalates at most 25% late. */
    static Duration period(Duration after) {
        long quarter = after.toMillis() / 4;
        return Duration.ofMillis(Math.max(200, Math.min(30_000, quarter)));
    }

    void start() {
        timer = vertx.setPeriodic(period(after).toMillis(), id -> {
            if (busy.compareAndSet(false, true)) {
                check().whenComplete((v, error) -> {
                    if (error != null) {
                        LOG.warn("escalation check failed: {}", error.toString());
                    }
                    busy.set(false);
                });
            }
        });
    }

    private CompletionStage<Void> check() {
        Instant now = clock.instant();
        return review.all(false).thenCompose(all -> CompletableFuture.allOf(all.stream()
                .filter(lead -> Escalation.due(lead, now, after))
                .map(lead -> escalate(lead, now).toCompletableFuture()).toArray(CompletableFuture[]::new)));
    }

    private CompletionStage<Void> escalate(ReviewedLead lead, Instant now) {
        HistoryEntry entry = new HistoryEntry(now, "system", "escalation", null, null,
                "urgent and not opened within " + (after.toSeconds() >= 60 ? after.toMinutes() + " min"
                : after.toSeconds() + " s"));
        return review.escalate(lead, entry).thenCompose(change -> change instanceof LeadReview.Change.Done
                ? auth.record("system", "escalation", lead.id(), "", Map.of("priority", lead.lead().priority().id(),
                "after", after.toString()))
                : CompletableFuture.completedFuture(null));
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
