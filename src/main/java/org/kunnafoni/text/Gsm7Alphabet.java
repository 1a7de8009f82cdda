package org.kunnafoni.text;

/**
 * The GSM 03.38 default alphabet and its default extension table, as Unicode code points.
 * The ESC position (0x1B) is a prefix, not a character, so it is not encodable on its own.
 */
public final class Gsm7Alphabet {
    /** Basic table in GSM order: the index of a character is its septet value (0x1B holds ESC). */
    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Extension table: each character is sent as ESC + one septet. */
    static final String EXTENSION = "\f^{}\\[~]|€";

    private static final int ESC = 0x1B;
    private static final int TABLE_SIZE = '€' + 1;
    private static final byte[] SEPTETS = table();

    private Gsm7Alphabet() {
    }

    /** Septets needed for one code point: 1 (basic), 2 (extension) or 0 when it is not GSM-7. */
    public static int septets(int codePoint) {
        return codePoint >= 0 && codePoint < TABLE_SIZE ? SEPTETS[codePoint] : 0;
    }

    public static boolean isGsm7(int codePoint) {
        return septets(codePoint) > 0;
    }

    /** True when every code point of the text is GSM-7 as it stands (no normalisation here). */
    public static boolean canEncode(CharSequence text) {
        return text.codePoints().allMatch(Gsm7Alphabet::isGsm7);
    }

    private static byte[] table() {
        byte[] table = new byte[TABLE_SIZE];
        BASIC.chars().filter(c -> c != ESC).forEach(c -> table[c] = 1);
        EXTENSION.chars().forEach(c -> table[c] = 2);
        return table;
    }
}
