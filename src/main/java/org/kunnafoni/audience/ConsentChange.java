package org.kunnafoni.audience;

import org.kunnafoni.triage.Language;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One consent decision a person made: opt out, or opt in (optionally choosing region and language).
 * The provider message id makes applying it twice harmless.
 */
public record ConsentChange(
        String pseudonym,
        String encryptedPhone,
        Action action,
        Optional<String> region,
        Optional<Language> language,
        String channel,
        String providerId,
        String keyword,
        Instant at,
        Decider decider,
        String source) {

    public enum Action { OPT_IN, OPT_OUT }

    /**
     * Who made the change. Only the person can undo their own opt-out; an operator (API, CSV import) adding or
     * updating an opted-out subscriber is refused.
     */
    public enum Decider { PERSON, OPERATOR }

    public ConsentChange {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(encryptedPhone, "encryptedPhone");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(source, "source");
    }
}
