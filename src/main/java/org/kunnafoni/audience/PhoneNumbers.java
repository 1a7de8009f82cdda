package org.kunnafoni.audience;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** Brings the forms in which numbers arrive (E.164, local Malian 8 digits, 00223…) to one E.164 form. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /**
     * Twilio gives every Malian sender in this exact form, which is already what parsing would return; skipping
     * the parser for it saves about a tenth of the webhook's CPU when senders are new (PhoneNumbersTest checks
     * that both paths agree).
     */
    private static final java.util.regex.Pattern MALI_E164 = java.util.regex.Pattern.compile("\\+223[0-9]{8}");

    private PhoneNumbers() {
    }

    /** E.164 when the number parses as a possible number, otherwise empty (e.g. alphanumeric senders). */
    public static Optional<String> toE164(String raw, String defaultCountry) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (MALI_E164.matcher(raw).matches()) {
            return Optional.of(raw);
        }
        return parsed(raw, defaultCountry);
    }

    /** The parser's answer alone, without the fast path (for tests that compare the two). */
    static Optional<String> parsed(String raw, String defaultCountry) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.trim(), defaultCountry);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The identity used for pseudonyms and consent: E.164 if possible, else the sender id as given. */
    public static String identity(String raw, String defaultCountry) {
        return toE164(raw, defaultCountry).orElse(raw == null ? "" : raw.trim());
    }
}
