package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Words of a message in the form lexicons are matched on: {@link TextNormalizer#fold} first, then split like
 * {@link TextNormalizer#tokens}, with Arabic spelling variants unified (hamza-carrying alefs, tā' marbūṭa, alif
 * maqṣūra, tatweel and vowel marks) because SMS writers use them interchangeably. Punctuation that ends a clause
 * is remembered so that a negation does not reach across it.
 */
final class MatchTokens {
    private final List<String> words;
    private final int[] clauses;

    private MatchTokens(List<String> words, int[] clauses) {
        this.words = words;
        this.clauses = clauses;
    }

    static MatchTokens of(String text) {
        String folded = TextNormalizer.fold(text);
        List<String> words = new ArrayList<>();
        List<Integer> clauseOfWord = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int clause = 0;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp) || cp == '\u0640') {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(unifyArabic(cp));
                continue;
            }
            flush(word, words, clauseOfWord, clause);
            if (endsClause(cp)) {
                clause++;
            }
        }
        flush(word, words, clauseOfWord, clause);
        return new MatchTokens(List.copyOf(words), clauseOfWord.stream().mapToInt(Integer::intValue).toArray());
    }

    List<String> words() {
        return words;
    }

    int size() {
        return words.size();
    }

    String word(int i) {
        return words.get(i);
    }

    boolean sameClause(int a, int b) {
        return clauses[a] == clauses[b];
    }

    String span(int start, int end) {
        return String.join(" ", words.subList(start, end));
    }

    private static void flush(StringBuilder word, List<String> words, List<Integer> clauses, int clause) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            clauses.add(clause);
            word.setLength(0);
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean endsClause(int cp) {
        return switch (cp) {
            case '.', ',', ';', ':', '!', '?', '\u060C', '\u061B', '\u061F' -> true;
            default -> false;
        };
    }

    private static int unifyArabic(int cp) {
        return switch (cp) {
            case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627';
            case '\u0629' -> '\u0647';
            case '\u0649' -> '\u064A';
            default -> cp;
        };
    }
}
