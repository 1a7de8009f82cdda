package org.kunnafoni.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SMS port in memory: keeps one line per message, and like the dispatch pipeline plans each (kind, script,
 * number) once, so a replayed reminder is not a second SMS.
 */
final class RecordingNotifier implements PartnerNotifier {
    /** "partner id:text" per notification, "partner id:number pseudonym:text" per reminder. */
    final List<String> notified = new ArrayList<>();
    final List<String> reminded = new ArrayList<>();
    private final java.util.Set<String> planned = new java.util.HashSet<>();
    volatile boolean failing;

    @Override
    public CompletionStage<Void> notify(RadioPartner partner, RadioScript script, String text) {
        synchronized (this) {
            notified.add(partner.id() + ":" + text);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> remind(RadioPartner partner, RadioScript script, String text) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redis away"));
        }
        for (String number : partner.numberPseudonyms()) {
            if (planned.add("reminder/" + script.id() + "/" + number)) {
                reminded.add(partner.id() + ":" + number + ":" + text);
            }
        }
        return CompletableFuture.completedFuture(null);
    }
}
