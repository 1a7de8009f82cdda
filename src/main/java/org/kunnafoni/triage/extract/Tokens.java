package org.kunnafoni.triage.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits folded text into words like {@code TextNormalizer.tokens}, and also: remembers clause breaks, so
 * that a negation or a phrase never reaches over a comma or full stop; splits digits from letters
 * ("12ans", "3enfants"); and writes Arabic letters one way (alef forms, ta marbuta, alef maqsura, no
 * vowel marks or tatweel), as SMS writers mix them freely.
 */
final class Tokens {
    private Tokens() {
    }

    static List<Token> of(String folded) {
        List<Token> out = new ArrayList<>();
        StringBuilder word = new StringBuilder(16);
        int clause = 0;
        boolean digits = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp) || cp == 0x0640) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                boolean digit = Character.isDigit(cp);
                if (word.length() > 0 && digit != digits) {
                    flush(word, clause, out);
                }
                digits = digit;
                word.appendCodePoint(arabicLetter(cp));
            } else {
                flush(word, clause, out);
                if (isClauseBreak(cp)) {
                    clause++;
                }
            }
        }
        flush(word, clause, out);
        return out;
    }

    /** The words of one lexicon phrase, spelled the way {@link #of} spells message words. */
    static List<String> words(String folded) {
        return of(folded).stream().map(Token::text).toList();
    }

    private static void flush(StringBuilder word, int clause, List<Token> out) {
        if (word.length() > 0) {
            out.add(new Token(word.toString(), clause));
            word.setLength(0);
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isClauseBreak(int cp) {
        return switch (cp) {
            case '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '/', '|', '\u060C', '\u061B', '\u061F' -> true;
            default -> false;
        };
    }

    private static int arabicLetter(int cp) {
        return switch (cp) {
            case 0x0622, 0x0623, 0x0625, 0x0671 -> 0x0627; // alef with madda / hamza / wasla → bare alef
            case 0x0629 -> 0x0647;                         // ta marbuta → ha
            case 0x0649 -> 0x064A;                         // alef maqsura → ya
            default -> cp;
        };
    }
}
