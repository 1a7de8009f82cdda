package org.kunnafoni.dispatch;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to the audience: is this person still subscribed, and where do we reach them. */
public interface ConsentCheck {
    /** Empty when nobody has this pseudonym (never subscribed, or erased). */
    CompletionStage<Optional<Recipient>> recipient(String pseudonym);

    /** Records an opt-out learnt from the provider (e.g. Twilio 21610), with {@code source} in the history. */
    CompletionStage<Void> optOut(String pseudonym, String source, Instant at);
}
