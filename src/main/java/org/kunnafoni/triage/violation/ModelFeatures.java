package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.TextNormalizer;

import java.util.Arrays;
import java.util.List;

/**
 * The hashed features of the triage model: folded words, word pairs and character 4-grams. Folding makes SMS
 * spellings (no accents, ɛ written e) meet the written forms; 4-grams let unseen inflections and typos share
 * evidence with the words they come from.
 */
final class ModelFeatures {
    static final int BUCKET_BITS = 17;
    static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int GRAM = 4;

    private ModelFeatures() {
    }

    /** Distinct bucket numbers of a text, sorted; never empty (a bias-only text still has its length bucket). */
    static int[] of(String text) {
        List<String> words = TextNormalizer.tokens(TextNormalizer.fold(text == null ? "" : text));
        int[] out = new int[words.size() * 2 + joinedLength(words) + 2];
        int n = 0;
        out[n++] = hash('L', Integer.toString(Math.min(words.size(), 12)));
        String previous = "^";
        for (String word : words) {
            out[n++] = hash('W', word);
            out[n++] = hash('B', previous + ' ' + word);
            previous = word;
        }
        String joined = " " + String.join(" ", words) + " ";
        for (int i = 0; i + GRAM <= joined.length(); i++) {
            out[n++] = hash('C', joined, i, i + GRAM);
        }
        int[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return distinct(sorted);
    }

    private static int joinedLength(List<String> words) {
        int length = 2 + Math.max(0, words.size() - 1);
        for (String w : words) {
            length += w.length();
        }
        return length;
    }

    private static int[] distinct(int[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    private static int hash(char kind, String s) {
        return hash(kind, s, 0, s.length());
    }

    // FNV-1a: stable across JVMs and releases, unlike String.hashCode's contract, so the model file stays valid.
    private static int hash(char kind, String s, int from, int to) {
        int h = 0x811c9dc5 ^ kind;
        h *= 0x01000193;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        return (h ^ (h >>> BUCKET_BITS)) & (BUCKETS - 1);
    }
}
