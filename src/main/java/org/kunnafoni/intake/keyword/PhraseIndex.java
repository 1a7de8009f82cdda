package org.kunnafoni.intake.keyword;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the longest known phrase (a run of folded words) starting at a position of a word list. */
final class PhraseIndex<T> {
    record Match<T>(T value, int length) {
    }

    private final Map<String, T> byPhrase = new HashMap<>();
    private final Set<String> firstWords = new HashSet<>();
    private int longest;

    void put(List<String> words, T value) {
        byPhrase.put(String.join(" ", words), value);
        if (!words.isEmpty()) {
            firstWords.add(words.get(0));
        }
        longest = Math.max(longest, words.size());
    }

    /** False when no phrase can start with this folded word, so a caller can stop before building lists. */
    boolean mayStartWith(String word) {
        return firstWords.contains(word);
    }

    Optional<Match<T>> longestAt(List<String> words, int from) {
        for (int length = Math.min(longest, words.size() - from); length > 0; length--) {
            T value = byPhrase.get(String.join(" ", words.subList(from, from + length)));
            if (value != null) {
                return Optional.of(new Match<>(value, length));
            }
        }
        return Optional.empty();
    }
}
