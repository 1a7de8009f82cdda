package org.kunnafoni.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites text into the GSM-7 alphabet so an awareness SMS costs a third of its UCS-2 price.
 *
 * <p>Order of decisions for each grapheme cluster (after NFC):
 * <ol>
 *   <li>already GSM-7 (é è à ù ì ò É Ç Ä Ü æ Æ ß, CR LF …) → kept;</li>
 *   <li>an explicit table: the older Bambara spelling ɛ→è ɔ→ò ɲ→ny ŋ→ng; capitals Ɛ→E Ɔ→O (È and Ò
 *       are not GSM-7), Ɲ→Ny Ŋ→Ng; œ→oe Œ→OE; typographic quotes, apostrophes, dashes, ellipsis;</li>
 *   <li>invisible format and control characters (zero-width space, BOM, soft hyphen, tab → space) are
 *       dropped rather than shown as '?'; every Unicode space becomes a plain space;</li>
 *   <li>the base letter without its accents (ê→e, ç→c, Ê→E, Ÿ→Y, ɛ̀→è), then the compatibility form
 *       (ﬁ→fi, fullwidth Ａ→A, ²→2) when that is GSM-7;</li>
 *   <li>anything else — Arabic, Tifinagh, N'Ko, emoji — becomes one '?' per cluster.</li>
 * </ol>
 * A two-letter expansion of a capital follows the case of the next letter: ƝƐ→NYE, Ɲɛ→Nyè, Œuvre→Oeuvre.
 */
public final class Gsm7Transliterator {
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String UNKNOWN = "?";

    private static final Map<Integer, String> TABLE = Map.ofEntries(
            Map.entry((int) 'ɛ', "è"), Map.entry((int) 'ɔ', "ò"),
            Map.entry((int) 'ɲ', "ny"), Map.entry((int) 'ŋ', "ng"),
            Map.entry((int) 'Ɛ', "E"), Map.entry((int) 'Ɔ', "O"),
            Map.entry((int) 'Ɲ', "Ny"), Map.entry((int) 'Ŋ', "Ng"),
            Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"),
            Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x201B, "'"),
            Map.entry(0x2032, "'"), Map.entry(0x2039, "'"), Map.entry(0x203A, "'"),
            Map.entry(0x02BC, "'"), Map.entry(0x02BB, "'"), Map.entry((int) '`', "'"), Map.entry(0x00B4, "'"),
            Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x201F, "\""),
            Map.entry(0x2033, "\""), Map.entry(0x00AB, "\""), Map.entry(0x00BB, "\""),
            Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
            Map.entry(0x2014, "-"), Map.entry(0x2015, "-"), Map.entry(0x2212, "-"), Map.entry(0x2022, "-"),
            Map.entry(0x2026, "..."), Map.entry(0x2044, "/"),
            Map.entry((int) '\t', " "), Map.entry(0x2028, "\n"), Map.entry(0x2029, "\n"));

    private Gsm7Transliterator() {
    }

    /** The text in pure GSM-7 (basic and extension tables); already GSM-7 text comes back unchanged. */
    public static String transliterate(String text) {
        String nfc = Normalizer.normalize(Objects.requireNonNull(text, "text"), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length() + 8);
        Matcher clusters = GRAPHEME.matcher(nfc);
        while (clusters.find()) {
            out.append(cluster(clusters.group(), nextCodePoint(nfc, clusters.end())));
        }
        return out.toString();
    }

    private static String cluster(String cluster, int next) {
        if (Gsm7Alphabet.canEncode(cluster)) {
            return cluster;
        }
        if (cluster.codePointCount(0, cluster.length()) == 1) {
            return codePoint(cluster.codePointAt(0), next);
        }
        // Tone marks on ɛ/ɔ and other stacked accents: the base letter carries the meaning.
        String base = stripMarks(cluster);
        if (base.isEmpty()) {
            return "";
        }
        return base.codePointCount(0, base.length()) == 1 ? codePoint(base.codePointAt(0), next) : UNKNOWN;
    }

    private static String codePoint(int cp, int next) {
        String mapped = TABLE.get(cp);
        if (mapped != null) {
            return mapped.length() == 2 && Character.isUpperCase(cp) ? followCase(mapped, next) : mapped;
        }
        if (Character.isSpaceChar(cp)) {
            return " ";
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return "";
        }
        String base = stripMarks(Character.toString(cp));
        if (!base.isEmpty() && Gsm7Alphabet.canEncode(base)) {
            return base;
        }
        return compatibilityForm(cp);
    }

    /** Ligatures, fullwidth and superscript forms; each part may itself need the table (½ → 1/2). */
    private static String compatibilityForm(int cp) {
        String decomposed = MARKS.matcher(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD))
                .replaceAll("");
        if (decomposed.isEmpty()) {
            return ""; // a combining mark with no letter to sit on
        }
        if (decomposed.equals(Character.toString(cp))) {
            return UNKNOWN;
        }
        StringBuilder out = new StringBuilder();
        for (int part : decomposed.codePoints().toArray()) {
            String mapped = Gsm7Alphabet.isGsm7(part) ? Character.toString(part) : TABLE.get(part);
            if (mapped == null) {
                return UNKNOWN;
            }
            out.append(mapped);
        }
        return out.toString();
    }

    private static String followCase(String pair, int next) {
        if (Character.isUpperCase(next)) {
            return pair.toUpperCase(Locale.ROOT);
        }
        if (Character.isLowerCase(next)) {
            return pair.charAt(0) + pair.substring(1).toLowerCase(Locale.ROOT);
        }
        return pair;
    }

    private static String stripMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    private static int nextCodePoint(String text, int index) {
        return index < text.length() ? text.codePointAt(index) : -1;
    }
}
