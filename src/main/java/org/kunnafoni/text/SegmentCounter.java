package org.kunnafoni.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts SMS segments the way handsets and Twilio's segment calculator pack them.
 *
 * <p>A concatenated message spends 6 octets per part on the user data header, which leaves 153 septets
 * or 67 UTF-16 units. Packing is greedy and never splits what a receiver must see whole: an extension
 * character's ESC pair, and in UCS-2 a grapheme cluster (emoji with skin tone, flag, ZWJ sequence,
 * letter with combining marks) — so the count can exceed {@code ceil(units / 153)}. Only a cluster
 * longer than a whole part is split, and then between code points, never inside a surrogate pair.
 *
 * <p>An empty text is one GSM-7 segment of 0 units, as Twilio's calculator reports it (the Twilio API
 * itself refuses an empty body without media).
 */
public final class SegmentCounter {
    static final int GSM7_SINGLE = 160;
    static final int GSM7_MULTI = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_MULTI = 67;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private SegmentCounter() {
    }

    public static SegmentCount count(String text) {
        String nfc = Normalizer.normalize(Objects.requireNonNull(text, "text"), Normalizer.Form.NFC);
        int characters = nfc.codePointCount(0, nfc.length());
        if (Gsm7Alphabet.canEncode(nfc)) {
            int[] sizes = nfc.codePoints().map(Gsm7Alphabet::septets).toArray();
            return counted(SmsEncoding.GSM7, sizes, GSM7_SINGLE, GSM7_MULTI, characters);
        }
        int[] sizes = ucs2Atoms(nfc);
        return counted(SmsEncoding.UCS2, sizes, UCS2_SINGLE, UCS2_MULTI, characters);
    }

    private static SegmentCount counted(SmsEncoding encoding, int[] sizes, int single, int multi, int characters) {
        int units = 0;
        for (int size : sizes) {
            units += size;
        }
        int segments = units <= single ? 1 : pack(sizes, multi);
        return new SegmentCount(encoding, segments, units, characters);
    }

    /** Greedy packing of indivisible atoms into parts of {@code capacity} units. */
    static int pack(int[] sizes, int capacity) {
        int parts = 1;
        int used = 0;
        for (int size : sizes) {
            if (used + size > capacity) {
                parts++;
                used = 0;
            }
            used += size;
        }
        return parts;
    }

    /** UTF-16 sizes of the grapheme clusters; a cluster too long for one part falls back to code points. */
    private static int[] ucs2Atoms(String text) {
        List<Integer> sizes = new ArrayList<>();
        Matcher clusters = GRAPHEME.matcher(text);
        while (clusters.find()) {
            String cluster = clusters.group();
            if (cluster.length() <= UCS2_MULTI) {
                sizes.add(cluster.length());
            } else {
                cluster.codePoints().forEach(cp -> sizes.add(Character.charCount(cp)));
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
