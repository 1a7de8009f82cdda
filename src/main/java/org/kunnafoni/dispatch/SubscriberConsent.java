package org.kunnafoni.dispatch;

import org.kunnafoni.audience.ConsentChange;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.audience.SubscriberRepository;
import org.kunnafoni.audience.SubscriberStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@link ConsentCheck} over the subscriber repository: the number is decrypted only here, at send time, and an
 * opt-out learnt from the provider goes through the same atomic consent change (with history) as a STOP keyword.
 */
public final class SubscriberConsent implements ConsentCheck {
    private final SubscriberRepository subscribers;
    private final PhoneProtector phones;

    public SubscriberConsent(SubscriberRepository subscribers, PhoneProtector phones) {
        this.subscribers = subscribers;
        this.phones = phones;
    }

    @Override
    public CompletionStage<Optional<Recipient>> recipient(String pseudonym) {
        return subscribers.find(pseudonym).thenApply(found -> found.map(s -> new Recipient(s.pseudonym(),
                s.status() == SubscriberStatus.OPTED_OUT,
                s.status() == SubscriberStatus.OPTED_OUT ? "" : phones.decrypt(s.encryptedPhone()))));
    }

    @Override
    public CompletionStage<Void> optOut(String pseudonym, String source, Instant at) {
        return subscribers.find(pseudonym).thenCompose(found -> {
            if (found.isEmpty()) {
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }
            // the provider message id makes the change idempotent: one opt-out per source. Twilio's 21610 means the
            // person texted STOP to the sender, so it is the person's own decision.
            ConsentChange change = new ConsentChange(pseudonym, found.get().encryptedPhone(),
                    ConsentChange.Action.OPT_OUT, Optional.empty(), Optional.empty(), "dispatch", source, source, at,
                    ConsentChange.Decider.PERSON, "provider_opt_out");
            return subscribers.apply(change).thenApply(result -> null);
        });
    }
}
