package org.kunnafoni.intake.keyword;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the longest known phrase (a run of folded words) starting at a position of a word list. */
final class PhraseIndex<T> {
    record Match<T>(T value, int length) {
    }

    private final Map<String, T> byPhrase = new HashMap<>();
    private int longest;

    void put(List<String> words, T value) {
        byPhrase.put(String.join(" ", words), value);
        longest = Math.max(longest, words.size());
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
