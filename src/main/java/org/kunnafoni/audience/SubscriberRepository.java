package org.kunnafoni.audience;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to wherever subscribers and their consent history are kept. */
public interface SubscriberRepository {
    /** Applies the change atomically with its history entry; idempotent per provider message. */
    CompletionStage<ConsentResult> apply(ConsentChange change);

    CompletionStage<Optional<Subscriber>> find(String pseudonym);

    /** Walks every subscriber without loading them all: {@code cursor} is empty for the first page. */
    CompletionStage<SubscriberPage> page(Optional<String> cursor, int size);
}
