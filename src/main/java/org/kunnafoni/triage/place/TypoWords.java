package org.kunnafoni.triage.place;

import java.util.Set;

/**
 * Which words of a text may be part of a misspelt name, worked out once per text rather than for every
 * window of words: a known common word, a word with a digit or sign, or (in a window of several words) a
 * word that is itself a name rules the window out.
 */
final class TypoWords {
    private final boolean[] plain;
    private final boolean[] name;

    TypoWords(FoldedText text, Set<String> commonWords, PlaceIndex index) {
        plain = new boolean[text.size()];
        name = new boolean[text.size()];
        for (int i = 0; i < text.size(); i++) {
            String word = text.token(i).folded();
            plain[i] = !commonWords.contains(word) && lettersOnly(word);
            name[i] = index.isKey(word);
        }
    }

    boolean mayBeTypo(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!plain[i] || (to - from > 1 && name[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean lettersOnly(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
