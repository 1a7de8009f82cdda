package org.kunnafoni.channel.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body straight into the map the signature check and the
 * mapping read: one pass, names kept exactly as sent (Twilio signs them case-sensitively), the first value of a
 * repeated name wins. Pure, so tested with tables.
 */
final class TwilioForm {
    private TwilioForm() {
    }

    /** The form's parameters, or empty when the body is not valid form encoding (a bad %-escape). */
    static Optional<Map<String, String>> parse(String body) {
        Map<String, String> params = new HashMap<>(32);
        int start = 0;
        int length = body.length();
        try {
            while (start < length) {
                int end = body.indexOf('&', start);
                if (end < 0) {
                    end = length;
                }
                if (end > start) {
                    int equals = body.indexOf('=', start);
                    boolean hasValue = equals >= 0 && equals < end;
                    String name = decode(body, start, hasValue ? equals : end);
                    String value = hasValue ? decode(body, equals + 1, end) : "";
                    params.putIfAbsent(name, value);
                }
                start = end + 1;
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.of(params);
    }

    /** Only escaped text goes through URLDecoder; most names and many values need no decoding at all. */
    private static String decode(String body, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = body.charAt(i);
            if (c == '%' || c == '+') {
                return URLDecoder.decode(body.substring(from, to), StandardCharsets.UTF_8);
            }
        }
        return body.substring(from, to);
    }
}
