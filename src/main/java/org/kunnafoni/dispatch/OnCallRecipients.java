package org.kunnafoni.dispatch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * On-call staff as recipients of the dispatch pipeline, in front of the subscribers. Their numbers come from the
 * configuration only; a dispatch names them by a keyed pseudonym ({@code O-…}), so no number is written to Redis.
 * They are reached at any hour: escalations exist to wake someone up.
 */
public final class OnCallRecipients implements ConsentCheck {
    private final Map<String, String> numbersByPseudonym = new LinkedHashMap<>();
    private final ConsentCheck subscribers;

    /** @param pseudonymOf the keyed, non-reversible id of a number (the one subscribers get) */
    public OnCallRecipients(List<String> numbers, UnaryOperator<String> pseudonymOf, ConsentCheck subscribers) {
        numbers.forEach(n -> numbersByPseudonym.put(pseudonymFor(pseudonymOf.apply(n)), n));
        this.subscribers = subscribers;
    }

    /** The on-call pseudonyms, in configuration order. */
    public List<String> pseudonyms() {
        return List.copyOf(numbersByPseudonym.keySet());
    }

    @Override
    public CompletionStage<Optional<Recipient>> recipient(String pseudonym) {
        String number = numbersByPseudonym.get(pseudonym);
        return number != null
                ? CompletableFuture.completedFuture(Optional.of(new Recipient(pseudonym, false, number, true)))
                : subscribers.recipient(pseudonym);
    }

    @Override
    public CompletionStage<Void> optOut(String pseudonym, String source, Instant at) {
        // a STOP from a staff phone is not a subscription change: on-call duty is set in the configuration
        return numbersByPseudonym.containsKey(pseudonym) ? CompletableFuture.completedFuture(null)
                : subscribers.optOut(pseudonym, source, at);
    }

    private static String pseudonymFor(String subscriberPseudonym) {
        return "O-" + (subscriberPseudonym.startsWith("R-") ? subscriberPseudonym.substring(2) : subscriberPseudonym);
    }
}
