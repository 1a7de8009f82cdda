package org.kunnafoni.triage.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds cue phrases left to right, longest first ("avant-hier" before "hier", "mine d'or" before
 * "mine"), reads digits as numbers, then applies negation: a negator cancels the negatable phrases of
 * its own language that start at most {@value #NEGATION_GAP} words after it in the same clause, and
 * the cancellation carries through a negated noun ("aucun enfant n'a été blessé", "no children were hurt").
 */
final class Scanner {
    static final int NEGATION_GAP = 3;
    private static final int MAX_DIGITS = 4; // longer digit runs are phone numbers, years or amounts

    private final PhraseTrie trie;

    Scanner(PhraseTrie trie) {
        this.trie = trie;
    }

    List<Hit> scan(List<Token> tokens) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            PhraseTrie.Match match = trie.longestAt(tokens, i);
            if (match != null) {
                hits.add(new Hit(i, match.end(), token.clause(), match.phrase(), match.cues(), false));
                i = match.end();
                continue;
            }
            Integer number = digits(token.text());
            if (number != null) {
                hits.add(new Hit(i, i + 1, token.clause(), token.text(),
                        List.of(new Cue(CueKind.NUMBER, "both", number, null)), false));
            }
            i++;
        }
        negate(hits);
        return hits;
    }

    private static Integer digits(String word) {
        if (word.length() > MAX_DIGITS) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < word.length(); i++) {
            int digit = Character.digit(word.charAt(i), 10);
            if (digit < 0) {
                return null;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void negate(List<Hit> hits) {
        Hit anchor = null;
        int anchorEnd = -1;
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            if (hit.has(CueKind.NEGATOR)) {
                anchor = hit;
                anchorEnd = hit.end();
            } else if (anchor != null && hit.clause() == anchor.clause() && hit.start() - anchorEnd <= NEGATION_GAP
                    && negatableBy(hit, anchor)) {
                hits.set(i, hit.negate());
                if (hit.has(CueKind.CHILD) || hit.has(CueKind.CASUALTY) || hit.has(CueKind.COUNTED_CHILD)) {
                    anchorEnd = hit.end();
                }
            }
        }
    }

    private static boolean negatableBy(Hit hit, Hit negator) {
        for (Cue cue : hit.cues()) {
            if (cue.kind().negatable() && sameLanguage(cue, negator)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameLanguage(Cue cue, Hit negator) {
        for (Cue neg : negator.cues()) {
            if (neg.kind() == CueKind.NEGATOR && neg.language() == cue.language()) {
                return true;
            }
        }
        return false;
    }
}
