package org.kunnafoni.app;

import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchQueue;
import org.kunnafoni.dispatch.DispatchStore;
import org.kunnafoni.radio.PartnerNotifier;
import org.kunnafoni.radio.RadioPartner;
import org.kunnafoni.radio.RadioScript;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sends radio notifications through the dispatch pipeline, one dispatch per station number and broadcast. */
final class DispatchNotifier implements PartnerNotifier {
    private final DispatchStore store;
    private final DispatchQueue queue;
    private final String channel;
    private final String sender;
    private final InstantSource clock;

    DispatchNotifier(DispatchStore store, DispatchQueue queue, String channel, String sender, InstantSource clock) {
        this.store = store;
        this.queue = queue;
        this.channel = channel;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> notify(RadioPartner partner, RadioScript script, String text) {
        return send("radio-" + script.id(), partner, script, text);
    }

    @Override
    public CompletionStage<Void> remind(RadioPartner partner, RadioScript script, String text) {
        return send("radio-reminder-" + script.id(), partner, script, text);
    }

    private CompletionStage<Void> send(String runId, RadioPartner partner, RadioScript script, String text) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (String pseudonym : partner.numberPseudonyms()) {
            // the run id names the script: a replayed message plans the same dispatch id, not a second SMS
            Dispatch d = Dispatch.planned(runId, pseudonym, Optional.of(script.region()), channel,
                    sender, text, clock.instant());
            // queued even when it already existed: a create that succeeded before a failed enqueue (a timeout, a
            // crash) must not leave the dispatch planned forever; a second stream entry is harmless, the claim
            // lets one send out
            chain = chain.thenCompose(v -> store.create(d)).thenCompose(created -> queue.enqueue(d.id()));
        }
        return chain;
    }
}
