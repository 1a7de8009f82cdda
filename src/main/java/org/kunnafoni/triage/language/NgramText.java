package org.kunnafoni.triage.language;

import org.kunnafoni.triage.TextNormalizer;

/**
 * The text the n-gram model sees: folded (see {@link TextNormalizer#fold}), letters only, words separated by
 * one space and the whole framed by spaces, so a space marks a word boundary in every n-gram. Digits and
 * punctuation carry no language and are dropped.
 */
final class NgramText {
    private NgramText() {
    }

    static String of(String raw) {
        return isAscii(raw) ? lettersOf(raw.toLowerCase(java.util.Locale.ROOT)) : lettersOf(TextNormalizer.fold(raw));
    }

    // For plain ASCII, folding is lower-casing as far as letters go; skipping Unicode normalisation keeps the
    // common SMS cheap.
    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String lettersOf(String folded) {
        StringBuilder out = new StringBuilder(folded.length() + 2).append(' ');
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetter(c)) {
                out.append(c);
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    /** Number of letters (not spaces) in a text made by {@link #lettersOf}. */
    static int letterCount(String letters) {
        int n = 0;
        for (int i = 0; i < letters.length(); i++) {
            if (letters.charAt(i) != ' ') {
                n++;
            }
        }
        return n;
    }
}
