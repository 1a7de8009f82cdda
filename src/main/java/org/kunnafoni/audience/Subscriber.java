package org.kunnafoni.audience;

import org.kunnafoni.triage.Language;

import java.time.Instant;
import java.util.Optional;

/** A person who receives awareness messages, as stored: the number only in encrypted form. */
public record Subscriber(
        String pseudonym,
        String encryptedPhone,
        Optional<String> region,
        Optional<Language> language,
        SubscriberStatus status,
        String consentSource,
        String lastChannel,
        Instant createdAt,
        Instant updatedAt) {
}
