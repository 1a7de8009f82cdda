package org.kunnafoni.channel.twilio;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes an {@code application/x-www-form-urlencoded} body straight into the map the signature check and the
 * mapping read: one pass over the bytes, names kept exactly as sent (Twilio signs them case-sensitively), the
 * first value of a repeated name wins. Each name and value is one String built from one scratch array, because
 * this runs for every alert. Pure, so tested with tables.
 */
final class TwilioForm {
    private TwilioForm() {
    }

    /** The form's parameters, or empty when the body is not valid form encoding (a bad %-escape). */
    static Optional<Map<String, String>> parse(String body) {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Map<String, String>> parse(byte[] body) {
        Map<String, String> params = new HashMap<>(32);
        byte[] scratch = new byte[body.length];
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start, end);
                String name = decode(body, start, equals, scratch);
                String value = equals < end ? decode(body, equals + 1, end, scratch) : "";
                if (name == null || value == null) {
                    return Optional.empty();
                }
                params.putIfAbsent(name, value);
            }
            start = end + 1;
        }
        return Optional.of(params);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** {@code +} is a space and {@code %XX} a byte; the bytes are UTF-8. Null for a malformed escape. */
    private static String decode(byte[] body, int from, int to, byte[] scratch) {
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                scratch[n++] = ' ';
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = high >= 0 ? Character.digit(body[i + 2], 16) : -1;
                if (low < 0) {
                    return null;
                }
                scratch[n++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                scratch[n++] = b;
            }
        }
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }
}
