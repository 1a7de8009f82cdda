package org.kunnafoni.radio;

import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.dispatch.ConsentCheck;
import org.kunnafoni.dispatch.Recipient;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Lets the dispatch pipeline reach station numbers: a pseudonym that is no subscriber may be a registered
 * partner number, decrypted only here at send time. A station's number never opts out through the audience
 * (its notifications are work messages); a revoked partner is simply not found.
 */
public final class PartnerRecipients implements ConsentCheck {
    private final ConsentCheck subscribers;
    private final RadioStore partners;
    private final PhoneProtector phones;

    public PartnerRecipients(ConsentCheck subscribers, RadioStore partners, PhoneProtector phones) {
        this.subscribers = subscribers;
        this.partners = partners;
        this.phones = phones;
    }

    @Override
    public CompletionStage<Optional<Recipient>> recipient(String pseudonym) {
        return subscribers.recipient(pseudonym).thenCompose(found -> found.isPresent()
                ? CompletableFuture.completedFuture(found)
                : partners.partnerByNumber(pseudonym).thenApply(p -> p.filter(x -> !x.revoked())
                        .map(x -> new Recipient(pseudonym, false,
                                phones.decrypt(x.encryptedNumbers().get(x.numberPseudonyms().indexOf(pseudonym)))))));
    }

    @Override
    public CompletionStage<Void> optOut(String pseudonym, String source, Instant at) {
        return subscribers.optOut(pseudonym, source, at);
    }
}
