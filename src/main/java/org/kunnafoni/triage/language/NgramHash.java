package org.kunnafoni.triage.language;

/**
 * 64-bit FNV-1a over UTF-16 units, extended one character at a time, so scoring can hash all n-grams that
 * start at one position in a single pass (1-gram, then 2-gram, …) without building strings.
 */
final class NgramHash {
    static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private NgramHash() {
    }

    static long extend(long hash, char c) {
        return (hash ^ c) * PRIME;
    }

    /** The table key of a hash state: well mixed and never 0 (0 marks an empty slot). */
    static long key(long hash) {
        long h = hash ^ (hash >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    static long keyOf(CharSequence gram) {
        long h = SEED;
        for (int i = 0; i < gram.length(); i++) {
            h = extend(h, gram.charAt(i));
        }
        return key(h);
    }
}
