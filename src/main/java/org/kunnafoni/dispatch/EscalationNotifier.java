package org.kunnafoni.dispatch;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Turns one escalated lead into one dispatch per on-call recipient. The run id is derived from the lead (a lead
 * escalates once), so the dispatch ids are too: handling the same escalation twice (a redelivered stream entry, two
 * instances) plans nothing new and sends nothing twice.
 */
public final class EscalationNotifier {
    static final String RUN_PREFIX = "escalation-";

    private final DispatchStore store;
    private final DispatchQueue queue;
    private final List<String> onCall;
    private final String channel;
    private final String sender;
    private final UnaryOperator<String> bodyForLead;
    private final InstantSource clock;

    /** @param bodyForLead the neutral text for a lead id; never the report's own words */
    public EscalationNotifier(DispatchStore store, DispatchQueue queue, List<String> onCallPseudonyms, String channel,
                              String sender, UnaryOperator<String> bodyForLead, InstantSource clock) {
        this.store = store;
        this.queue = queue;
        this.onCall = List.copyOf(onCallPseudonyms);
        this.channel = channel;
        this.sender = sender;
        this.bodyForLead = bodyForLead;
        this.clock = clock;
    }

    public static String runId(String leadId) {
        return RUN_PREFIX + leadId;
    }

    /** Plans and queues the dispatches of one escalation; answers how many were new. */
    public CompletionStage<Integer> notify(String leadId) {
        String body = bodyForLead.apply(leadId);
        List<CompletableFuture<Boolean>> planned = onCall.stream().map(p -> plan(Dispatch.planned(runId(leadId), p,
                Optional.empty(), channel, sender, body, clock.instant())).toCompletableFuture()).toList();
        return CompletableFuture.allOf(planned.toArray(CompletableFuture[]::new))
                .thenApply(v -> (int) planned.stream().filter(CompletableFuture::join).count());
    }

    private CompletionStage<Boolean> plan(Dispatch d) {
        return store.create(d).thenCompose(created -> created ? queue.enqueue(d.id()).thenApply(v -> true)
                // handled before, but perhaps not queued (the handler died in between): queue it if untouched
                : store.find(d.id()).thenCompose(found -> found.filter(x -> x.state() == DispatchState.PLANNED)
                        .map(x -> queue.enqueue(x.id())).orElse(CompletableFuture.completedFuture(null)))
                        .thenApply(v -> false));
    }
}
