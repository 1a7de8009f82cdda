package org.kunnafoni.triage.place;

import org.kunnafoni.triage.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A text folded word by word with {@link TextNormalizer#fold}, keeping for every folded character the
 * offsets of the original character, so matches are reported on the text as the reporter wrote it.
 */
final class FoldedText {
    private static final String SENTENCE_END = ".!?:;";

    private final String original;
    private final List<Token> tokens;

    private FoldedText(String original, List<Token> tokens) {
        this.original = original;
        this.tokens = List.copyOf(tokens);
    }

    static FoldedText of(String text) {
        String original = text == null ? "" : text;
        StringBuilder folded = new StringBuilder(original.length());
        List<int[]> origin = new ArrayList<>(original.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isMark(cp) && base == Character.UnicodeScript.LATIN) {
                i = next;
                continue;
            }
            base = isMark(cp) ? base : Character.UnicodeScript.of(cp);
            String part = Character.isWhitespace(cp) ? " " : TextNormalizer.fold(new String(Character.toChars(cp)));
            for (int k = 0; k < part.length(); k++) {
                folded.append(part.charAt(k));
                origin.add(new int[] {i, next});
            }
            i = next;
        }
        return new FoldedText(original, words(original, folded, origin));
    }

    private static List<Token> words(String original, CharSequence folded, List<int[]> origin) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean word = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                int from = origin.get(start)[0];
                int to = origin.get(i - 1)[1];
                out.add(new Token(folded.subSequence(start, i).toString(), original.substring(from, to), from, to));
                start = -1;
            }
        }
        return out;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    String original() {
        return original;
    }

    List<Token> tokens() {
        return tokens;
    }

    int size() {
        return tokens.size();
    }

    Token token(int index) {
        return tokens.get(index);
    }

    /** Joined folded words [from, to), the comparison key of a window of words. */
    String key(int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            key.append(tokens.get(i).folded());
        }
        return key.toString();
    }

    /** First word of the text or of a sentence or line, where a capital letter says nothing. */
    boolean sentenceInitial(int index) {
        for (int i = tokens.get(index).start() - 1; i >= 0; i--) {
            char c = original.charAt(i);
            if (c == '\n' || SENTENCE_END.indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '"' && c != '«' && c != '(') {
                return false;
            }
        }
        return true;
    }
}
