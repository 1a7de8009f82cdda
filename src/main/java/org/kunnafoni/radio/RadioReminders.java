package org.kunnafoni.radio;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reminds stations of broadcasts they have not confirmed ({@link ReminderPolicy}). Every gateway instance runs
 * rounds; the store's atomic claim keeps two instances off one broadcast. A broadcast whose claimer stopped
 * part-way is taken over when the lease ends, and replaying it sends no second SMS: the notifier's dispatch ids
 * are stable per script, and a recorded reminder is never sent again.
 */
public final class RadioReminders {
    private final RadioStore store;
    private final PartnerNotifier notifier;
    private final ReminderText texts;
    private final ReminderPolicy policy;
    private final InstantSource clock;
    private final Duration lease;

    public RadioReminders(RadioStore store, PartnerNotifier notifier, ReminderText texts, ReminderPolicy policy,
                          InstantSource clock, Duration lease) {
        this.store = store;
        this.notifier = notifier;
        this.texts = texts;
        this.policy = policy;
        this.clock = clock;
        this.lease = lease;
    }

    /** What one round did; a failed broadcast keeps its claim and is retried when the lease ends. */
    public record Round(int claimed, int sent, int skipped, int failed) {
    }

    private enum Outcome { SENT, SKIPPED, FAILED }

    public CompletionStage<Round> runOnce(int max) {
        Instant now = clock.instant();
        return store.claimReminders(policy.dueFor(now), now, now.plus(lease), max).thenCompose(ids -> {
            List<CompletableFuture<Outcome>> each = ids.stream().map(id -> handle(id, now)
                    .exceptionally(error -> Outcome.FAILED).toCompletableFuture()).toList();
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(v -> {
                List<Outcome> outcomes = each.stream().map(CompletableFuture::join).toList();
                return new Round(ids.size(), count(outcomes, Outcome.SENT), count(outcomes, Outcome.SKIPPED),
                        count(outcomes, Outcome.FAILED));
            });
        });
    }

    private static int count(List<Outcome> outcomes, Outcome which) {
        return (int) outcomes.stream().filter(o -> o == which).count();
    }

    private CompletionStage<Outcome> handle(String scriptId, Instant now) {
        return store.script(scriptId).thenCompose(script -> script.isEmpty() ? release(scriptId, Outcome.SKIPPED)
                : store.partner(script.get().partnerId()).thenCompose(partner -> act(script.get(), partner, now)));
    }

    private CompletionStage<Outcome> act(RadioScript script, Optional<RadioPartner> partner, Instant now) {
        if (policy.decide(script, partner, now) instanceof ReminderPolicy.Decision.Skip) {
            return release(script.id(), Outcome.SKIPPED);
        }
        RadioPartner to = partner.orElseThrow();
        return notifier.remind(to, script, texts.render(to, script))
                .thenCompose(v -> store.markReminded(script.id(), now))
                .thenCompose(v -> release(script.id(), Outcome.SENT));
    }

    private CompletionStage<Outcome> release(String scriptId, Outcome outcome) {
        return store.releaseReminder(scriptId).thenApply(v -> outcome);
    }
}
