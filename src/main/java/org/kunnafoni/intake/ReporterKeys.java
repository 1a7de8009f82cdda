package org.kunnafoni.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.kunnafoni.audience.PhoneNumbers;
import org.kunnafoni.audience.PhoneProtector;

import java.time.Duration;

/**
 * What intake derives from a raw sender id (identity, pseudonym, encrypted number), kept for repeat senders:
 * E.164 parsing, the HMAC and AES-GCM together cost several microseconds per message, and people who report
 * tend to report again. Reusing one ciphertext for one number within the expiry reveals nothing new: the
 * pseudonym stored beside it already links every message of that number.
 */
final class ReporterKeys {
    /** The three forms of one sender. */
    record Keys(String identity, String pseudonym, String encryptedPhone) {
    }

    static final int MAX_SENDERS = 10_000;
    static final Duration EXPIRY = Duration.ofMinutes(30);

    private final PhoneProtector phones;
    private final String defaultCountry;
    // Maintenance runs on the calling thread: no hand-off to a pool on the request path.
    private final Cache<String, Keys> cache = Caffeine.newBuilder()
            .maximumSize(MAX_SENDERS)
            .expireAfterWrite(EXPIRY)
            .executor(Runnable::run)
            .build();

    ReporterKeys(PhoneProtector phones, String defaultCountry) {
        this.phones = phones;
        this.defaultCountry = defaultCountry;
    }

    Keys of(String rawSender) {
        return cache.get(rawSender == null ? "" : rawSender, this::derive);
    }

    private Keys derive(String rawSender) {
        String identity = PhoneNumbers.identity(rawSender, defaultCountry);
        return new Keys(identity, phones.pseudonym(identity), phones.encrypt(identity));
    }
}
