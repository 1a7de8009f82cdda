package org.kunnafoni.lead;

import java.util.regex.Pattern;

/**
 * Hides phone numbers that reporters type into their messages ("appelez-moi au 76 12 34 56") before a text is
 * shown to a monitor: monitors must never receive a number, whether it came from the sender field or the body.
 * Malian numbers are eight digits, written whole or in pairs, with or without +223 / 00223; other international
 * numbers are caught by their + or 00 prefix. Dates (12-11-2025, 12/11/2025) and short counts are left alone.
 */
public final class PhoneMask {
    public static final String MASK = "[numéro masqué]";
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)223[ .-]?)?(?:\\d{8}|\\d{2}(?:[ .-]\\d{2}){3})(?!\\d)"
                    + "|(?<![\\d+])(?:\\+|00)[1-9]\\d{0,2}(?:[ .-]?\\d){6,12}(?!\\d)");

    private PhoneMask() {
    }

    public static String mask(String text) {
        return text == null ? null : PHONE.matcher(text).replaceAll(MASK);
    }
}
