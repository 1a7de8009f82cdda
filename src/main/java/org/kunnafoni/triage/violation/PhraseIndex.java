package org.kunnafoni.triage.violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every pattern of every lexicon, indexed by its first word (exact, or by prefix length for starred words),
 * so a message is scanned with a few hash look-ups per word instead of one regex per term.
 */
final class PhraseIndex {
    record Entry(Pattern pattern, Cue cue) {
    }

    /** One pattern found in a message: words [start, end). */
    record Match(int start, int end, Cue cue, String surface) {
    }

    private final Map<String, List<Entry>> exact = new HashMap<>();
    private final Map<String, List<Entry>> prefixed = new HashMap<>();
    private final TreeSet<Integer> prefixLengths = new TreeSet<>();
    private int[] lengths = new int[0];

    void add(Pattern pattern, Cue cue) {
        String first = pattern.parts().get(0);
        Map<String, List<Entry>> target = pattern.prefix().get(0) ? prefixed : exact;
        if (pattern.prefix().get(0)) {
            prefixLengths.add(first.length());
            lengths = prefixLengths.stream().mapToInt(Integer::intValue).toArray();
        }
        target.computeIfAbsent(first, k -> new ArrayList<>()).add(new Entry(pattern, cue));
    }

    List<Match> scan(MatchTokens tokens) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.word(i);
            collect(exact.get(word), tokens, i, out);
            for (int len : lengths) {
                if (len > word.length()) {
                    break;
                }
                collect(prefixed.get(word.substring(0, len)), tokens, i, out);
            }
        }
        return out;
    }

    private static void collect(List<Entry> entries, MatchTokens tokens, int start, List<Match> out) {
        if (entries == null) {
            return;
        }
        for (Entry entry : entries) {
            if (entry.pattern().matchesAt(tokens, start)) {
                int end = start + entry.pattern().length();
                out.add(new Match(start, end, entry.cue(), tokens.span(start, end)));
            }
        }
    }
}
