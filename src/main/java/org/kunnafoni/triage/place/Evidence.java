package org.kunnafoni.triage.place;

import java.util.List;
import java.util.Locale;

/** Signs in a text that a word is used as a place name: locative cues, capitals, accents as in the name. */
final class Evidence {
    private final FoldedText text;
    private final Cues cues;

    Evidence(FoldedText text, Cues cues) {
        this.text = text;
        this.cues = cues;
    }

    /** Evidence that only a place reading explains ("village de Boni", "à Diré", "Boni" mid-sentence). */
    boolean strong(PlaceForm form, int from, int to) {
        return phraseBefore(cues.strongBefore(), from) || capitalised(from, to) || accentedAsWritten(form, from, to);
    }

    /** Cues also common before or after ordinary words ("de", "a", Bambara "la"). */
    boolean weak(int from, int to) {
        return phraseBefore(cues.weakBefore(), from) || phraseAfter(cues.weakAfter(), to);
    }

    boolean anyCue(int from, int to) {
        return phraseBefore(cues.strongBefore(), from) || weak(from, to);
    }

    /** "Région de Mopti" names the region, "cercle de Mopti" the cercle: the word before says which. */
    String kindNamedBefore(int from) {
        int i = from - 1;
        if (i >= 0 && List.of("de", "d", "du").contains(text.token(i).folded())) {
            i--;
        }
        return i >= 0 ? text.token(i).folded() : "";
    }

    // Capitals count only mid-sentence and outside a run of capitalised words, which is a person's name.
    private boolean capitalised(int from, int to) {
        return text.token(from).capitalised() && !text.sentenceInitial(from)
                && (from == 0 || !text.token(from - 1).capitalised())
                && (to >= text.size() || !text.token(to).capitalised());
    }

    // "Diré" or "Léré" written with the name's own accents cannot be French "dire" or Bambara "lɛrɛ".
    private boolean accentedAsWritten(PlaceForm form, int from, int to) {
        String name = lettersOnly(form.form());
        if (isAscii(name)) {
            return false;
        }
        return name.equals(lettersOnly(text.original().substring(text.token(from).start(), text.token(to - 1).end())));
    }

    private static String lettersOnly(String s) {
        StringBuilder out = new StringBuilder();
        s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    // Loops rather than streams: these run for every cue phrase of every candidate.
    private boolean phraseBefore(List<List<String>> phrases, int from) {
        for (List<String> phrase : phrases) {
            if (phrase.size() <= from && wordsAt(phrase, from - phrase.size())) {
                return true;
            }
        }
        return false;
    }

    private boolean phraseAfter(List<List<String>> phrases, int to) {
        for (List<String> phrase : phrases) {
            if (to + phrase.size() <= text.size() && wordsAt(phrase, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean wordsAt(List<String> phrase, int at) {
        for (int k = 0; k < phrase.size(); k++) {
            String word = phrase.get(k);
            Token token = text.token(at + k);
            String compared = isAscii(word) ? token.folded() : token.original().toLowerCase(Locale.ROOT);
            if (!compared.equals(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
