package org.kunnafoni.triage.place;

import org.kunnafoni.triage.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text folded word by word with {@link TextNormalizer#fold}, keeping for every folded character the
 * offsets of the original character, so matches are reported on the text as the reporter wrote it.
 */
final class FoldedText {
    private static final String SENTENCE_END = ".!?:;";
    /** Latin, IPA letters, marks, Arabic, N'Ko, typographic punctuation, Tifinagh: what SMS here are written in. */
    private static final int CACHED_CODE_POINTS = 0x3000;
    private static final String[] FOLDED = new String[CACHED_CODE_POINTS];
    private static final Character.UnicodeScript[] SCRIPTS = new Character.UnicodeScript[CACHED_CODE_POINTS];

    private final String original;
    private final List<Token> tokens;
    /** The folded words joined, and where each starts in it: a window's key is one substring. */
    private final String joined;
    private final int[] joinedStarts;

    private FoldedText(String original, List<Token> tokens) {
        this.original = original;
        this.tokens = List.copyOf(tokens);
        StringBuilder all = new StringBuilder();
        joinedStarts = new int[tokens.size() + 1];
        for (int i = 0; i < tokens.size(); i++) {
            all.append(tokens.get(i).folded());
            joinedStarts[i + 1] = all.length();
        }
        joined = all.toString();
    }

    static FoldedText of(String text) {
        String original = text == null ? "" : text;
        StringBuilder folded = new StringBuilder(original.length());
        Origins origin = new Origins(original.length());
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isMark(cp) && base == Character.UnicodeScript.LATIN) {
                i = next;
                continue;
            }
            base = isMark(cp) ? base : script(cp);
            String part = Character.isWhitespace(cp) ? " " : foldOne(cp);
            for (int k = 0; k < part.length(); k++) {
                folded.append(part.charAt(k));
                origin.add(i, next);
            }
            i = next;
        }
        return new FoldedText(original, words(original, folded, origin));
    }

    private static List<Token> words(String original, CharSequence folded, Origins origin) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean word = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                int from = origin.start(start);
                int to = origin.end(i - 1);
                out.add(new Token(folded.subSequence(start, i).toString(), original.substring(from, to), from, to));
                start = -1;
            }
        }
        return out;
    }

    // TextNormalizer.fold normalises twice and runs a regex per call, and one character always folds the same
    // way, so each is folded once. Threads racing to fill a slot store equal immutable values: no lock needed.
    private static String foldOne(int cp) {
        if (cp >= CACHED_CODE_POINTS) {
            return TextNormalizer.fold(new String(Character.toChars(cp)));
        }
        String folded = FOLDED[cp];
        if (folded == null) {
            folded = TextNormalizer.fold(new String(Character.toChars(cp)));
            FOLDED[cp] = folded;
        }
        return folded;
    }

    private static Character.UnicodeScript script(int cp) {
        if (cp >= CACHED_CODE_POINTS) {
            return Character.UnicodeScript.of(cp);
        }
        Character.UnicodeScript script = SCRIPTS[cp];
        if (script == null) {
            script = Character.UnicodeScript.of(cp);
            SCRIPTS[cp] = script;
        }
        return script;
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
        return joined.substring(joinedStarts[from], joinedStarts[to]);
    }

    /** Length of {@link #key}, known without building it. */
    int keyLength(int from, int to) {
        return joinedStarts[to] - joinedStarts[from];
    }

    /** For every folded character, the original character it came from: [start, end) offsets. */
    private static final class Origins {
        private int[] starts;
        private int[] ends;
        private int size;

        Origins(int capacity) {
            starts = new int[Math.max(capacity, 1)];
            ends = new int[starts.length];
        }

        void add(int start, int end) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        int start(int index) {
            return starts[index];
        }

        int end(int index) {
            return ends[index];
        }
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
