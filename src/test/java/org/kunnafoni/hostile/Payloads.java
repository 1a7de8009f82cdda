package org.kunnafoni.hostile;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Hostile bodies, queries and path segments, built from a {@link Hostile} generator. */
final class Payloads {
    record Body(String contentType, byte[] bytes) {
    }

    private final Hostile h;

    Payloads(Hostile h) {
        this.h = h;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Mostly a JSON object with the route's fields; otherwise one of the classic parser attacks. */
    Body json(List<String> fields, int limit) {
        String json = "application/json";
        return switch (h.random().nextInt(24)) {
            case 0 -> new Body(json, utf8(Hostile.deepJson(10_000, false)));
            case 1 -> new Body(json, utf8(Hostile.deepJson(10_000, true)));
            case 2 -> new Body(json, utf8(hugeArray(Math.max(16, limit - 16))));
            case 3 -> new Body(json, utf8("{\"a\":\"" + "x".repeat(limit + h.between(1, 4096)) + "\"}"));
            case 4 -> new Body(json, concat(utf8("{\"" + h.pick(fields) + "\":\""), h.invalidUtf8(), utf8("\"}")));
            case 5 -> {
                String whole = h.jsonObject(fields);
                yield new Body(json, utf8(whole.substring(0, h.between(0, Math.max(0, whole.length() - 1)))));
            }
            case 6 -> new Body(json, new byte[0]);
            case 7 -> new Body(json, utf8(h.jsonValue(2)));
            case 8 -> new Body(h.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=zz", "multipart/form-data", "application/json; charset=latin-9",
                    "*/*", "application/json\u0000")), utf8(h.jsonObject(fields)));
            case 9 -> new Body(json, concat(utf8("{\"" + h.pick(fields) + "\":"), new byte[]{0, 0}, utf8("1}")));
            case 10 -> new Body(json, concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(h.jsonObject(fields))));
            case 11 -> new Body(null, utf8(h.jsonObject(fields)));
            default -> new Body(json, utf8(h.jsonObject(fields)));
        };
    }

    private String hugeArray(int bytes) {
        StringBuilder out = new StringBuilder(bytes + 8).append('[');
        while (out.length() < bytes - 3) {
            out.append(h.random().nextBoolean() ? "1," : "{},");
        }
        return out.append("1]").toString();
    }

    /** {@code ?…} with hostile values, duplicated names, broken percent-encodings, or nothing. */
    String query(List<String> names) {
        if (h.random().nextInt(3) == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("?");
        int params = h.between(1, 4);
        for (int i = 0; i < params; i++) {
            String name = names.isEmpty() || h.random().nextInt(4) == 0 ? enc(h.text()) : h.pick(names);
            String value = switch (h.random().nextInt(6)) {
                case 0 -> h.pick(List.of("%", "%G1", "%FF%FE", "%E2%82", "%C0%AF", "%00", "%%", "%2", "a%zz"));
                case 1 -> enc(h.ofLength(h.between(1, 200)));
                case 2 -> h.pick(List.of("-1", "0", "1001", "99999999999999999999", "1e3", "NaN", "", "html"));
                default -> enc(h.text());
            };
            out.append(i == 0 ? "" : h.pick(List.of("&", "&&", ";"))).append(name).append('=').append(value);
        }
        return out.toString();
    }

    /** A path segment: an encoded hostile id, a traversal, an encoded slash or NUL, or something very long. */
    String segment() {
        return switch (h.random().nextInt(8)) {
            case 0 -> h.pick(List.of("..", "%2e%2e", "%2F..%2F..%2Fetc%2Fpasswd", "%00", "%", "%G1", "%FF", ".", "%20"));
            case 1 -> "a".repeat(h.pick(List.of(300, 3000)));
            case 2 -> h.pick(List.of("none-1764388800000-0", "gao-0-0", "999999999999999999999", "-1", "0"));
            default -> {
                String s = enc(h.text());
                yield s.isEmpty() ? "x" : s;
            }
        };
    }

    /** A CSV import: header variants, hostile cells, formula injection, unbalanced quotes, invalid UTF-8. */
    Body csv() {
        String header = h.pick(List.of("phone,region,language", "language;phone;region", "phone,region",
                "\uFEFFphone,region,language", "PHONE , Region , LANGUAGE", "\"phone\",\"region\",\"language\",\"extra\"",
                h.text()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(header + "\n"));
        int rows = h.random().nextInt(10) == 0 ? 20_001 : h.between(0, 30);
        for (int i = 0; i < rows; i++) {
            if (h.random().nextInt(12) == 0) {
                out.writeBytes(h.invalidUtf8());
            }
            String phone = h.random().nextBoolean() ? "+2237" + (6000000 + h.random().nextInt(999999)) : h.text();
            String cell = h.random().nextBoolean() ? "gao" : h.text();
            out.writeBytes(utf8(phone + "," + cell + "," + h.pick(List.of("fra", "bam", h.text(), "=1+1", "\"")) + "\n"));
        }
        return new Body(h.pick(List.of("text/csv", "text/csv; charset=utf-8", "application/json", "text/plain")),
                out.toByteArray());
    }

    /** An encoded form with hostile names and values and, sometimes, pieces no encoder would write. */
    String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder(Forms.encode(params));
        if (h.random().nextInt(6) == 0) {
            out.append(h.pick(List.of("&junk=%G1", "&%", "&=", "&&&", "&a=%FF%FE", "&b=%E2%82", "&c=%", "&d")));
        }
        return out.toString();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Form encoding, as Twilio and SMSSync send it. */
    static final class Forms {
        private Forms() {
        }

        static String encode(Map<String, String> params) {
            StringBuilder out = new StringBuilder();
            params.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(enc(name)).append('=')
                    .append(enc(value)));
            return out.toString();
        }
    }
}
