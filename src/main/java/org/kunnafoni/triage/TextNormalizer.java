package org.kunnafoni.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds SMS text to one comparable form so that lexicons, gazetteer and keyword tables are written once:
 * lower case, accents removed, Bambara letters spelled as SMS writers do without a special keyboard
 * (ɛ→e, ɔ→o, ɲ→ny, ŋ→ng), typographic apostrophes and dashes unified, runs of spaces collapsed.
 * Scripts other than Latin (Arabic, Tifinagh, N'Ko, Adlam) pass through unchanged apart from case.
 */
public final class TextNormalizer {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextNormalizer() {
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder mapped = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ɛ' -> mapped.append('e');
                case 'ɔ' -> mapped.append('o');
                case 'ɲ' -> mapped.append("ny");
                case 'ŋ' -> mapped.append("ng");
                case 'œ' -> mapped.append("oe");
                case 'æ' -> mapped.append("ae");
                case 'ß' -> mapped.append("ss");
                case '\u2019', '\u2018', '\u02bc', '`', '\u00b4' -> mapped.append('\'');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014' -> mapped.append('-');
                default -> mapped.append(c);
            }
        }
        String decomposed = Normalizer.normalize(mapped, Normalizer.Form.NFD);
        String stripped = latinOnlyMarkRemoval(decomposed);
        return SPACES.matcher(Normalizer.normalize(stripped, Normalizer.Form.NFC)).replaceAll(" ").trim();
    }

    /** Words of a folded text: letters and digits, apostrophes and hyphens split words. */
    public static List<String> tokens(String folded) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.codePointAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                out.add(folded.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    // Arabic harakat and Adlam/N'Ko marks carry meaning for script detection; only strip marks after Latin letters.
    private static String latinOnlyMarkRemoval(String decomposed) {
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript previous = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (!(mark && previous == Character.UnicodeScript.LATIN)) {
                out.appendCodePoint(cp);
            }
            if (!mark) {
                previous = Character.UnicodeScript.of(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
