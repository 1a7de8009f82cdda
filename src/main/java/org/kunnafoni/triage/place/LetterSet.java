package org.kunnafoni.triage.place;

/**
 * The letters of a word as a 64-bit set (letters may share a bit), to rule out most forms before an edit
 * distance: every letter of one word missing from the other costs at least one edit.
 */
final class LetterSet {
    private LetterSet() {
    }

    static long of(String word) {
        long set = 0;
        for (int i = 0; i < word.length(); i++) {
            set |= 1L << (word.charAt(i) & 63);
        }
        return set;
    }

    /**
     * True when the words are surely more than {@code max} edits apart. Sharing bits only hides letters, so
     * the count of missing bits never exceeds the edits needed: a form within reach is never ruled out.
     */
    static boolean surelyFurther(long a, long b, int max) {
        return Long.bitCount(a & ~b) > max || Long.bitCount(b & ~a) > max;
    }
}
