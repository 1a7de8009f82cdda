package org.kunnafoni.audience;

import org.kunnafoni.triage.Language;

import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Subscribers added by staff (API or CSV import), as opposed to people texting ABONNER: the number is normalised to
 * E.164, stored encrypted, and an opt-out is never overridden.
 */
public final class SubscriberRegistration {
    private final SubscriberRepository repository;
    private final PhoneProtector phones;
    private final String defaultCountry;
    private final Set<String> regions;
    private final InstantSource clock;

    public SubscriberRegistration(SubscriberRepository repository, PhoneProtector phones, String defaultCountry,
                                  Set<String> regions, InstantSource clock) {
        this.repository = repository;
        this.phones = phones;
        this.defaultCountry = defaultCountry;
        this.regions = Set.copyOf(regions);
        this.clock = clock;
    }

    /** @param source how the consent was obtained, e.g. {@code api:admin} or {@code import:sup-mopti} */
    public CompletionStage<Registration> register(String rawPhone, String rawRegion, String rawLanguage, String source) {
        // "Mopti" or " FRA" from a form or a spreadsheet mean the slug and the code: read them the same way everywhere
        String region = normalized(rawRegion);
        String language = normalized(rawLanguage);
        Optional<String> phone = PhoneNumbers.toE164(rawPhone, defaultCountry);
        if (phone.isEmpty()) {
            return done(new Registration.Invalid("'" + mask(rawPhone) + "' is not a phone number"));
        }
        if (region == null || !regions.contains(region)) {
            return done(new Registration.Invalid("region must be one of " + regions.stream().sorted().toList()));
        }
        Optional<Language> lang = Language.fromCode(language).filter(l -> l != Language.UND);
        if (lang.isEmpty()) {
            return done(new Registration.Invalid("language must be one of fra bam ses ffm taq ara eng"));
        }
        String pseudonym = phones.pseudonym(phone.get());
        ConsentChange change = new ConsentChange(pseudonym, phones.encrypt(phone.get()), ConsentChange.Action.OPT_IN,
                Optional.of(region), lang, source.startsWith("import") ? "import" : "api",
                source + ":" + UUID.randomUUID(), "", clock.instant(), ConsentChange.Decider.OPERATOR, source);
        return repository.apply(change).thenApply(result -> {
            if (result instanceof ConsentResult.Applied applied) {
                return new Registration.Registered(pseudonym, applied.status());
            }
            return new Registration.RefusedOptedOut(pseudonym);
        });
    }

    private static String normalized(String value) {
        return value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Error messages echo at most the last digits of what was sent, never a full number. */
    private static String mask(String raw) {
        if (raw == null) {
            return "";
        }
        String trimmed = raw.trim();
        return trimmed.length() <= 3 ? trimmed : "…" + trimmed.substring(trimmed.length() - 3);
    }

    private static CompletionStage<Registration> done(Registration registration) {
        return CompletableFuture.completedFuture(registration);
    }
}
