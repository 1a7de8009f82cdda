package org.kunnafoni.triage.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Arabic writes the article and the conjunctions "and" / "with" / "for the" onto the word ("الأطفال",
 * "والأطفال"): the lexicon lists bare words and this adds the attached forms of the first word.
 */
final class ArabicVariants {
    private static final String ARTICLE = "\u0627\u0644";                 // ال
    private static final List<String> BEFORE_ARTICLE = List.of("", "\u0648", "\u0628", "\u0641"); // و ب ف
    private static final String LIL = "\u0644\u0644";                     // لل

    private ArabicVariants() {
    }

    static List<List<String>> of(List<String> words) {
        String first = words.get(0);
        if (first.isEmpty() || Character.UnicodeScript.of(first.codePointAt(0)) != Character.UnicodeScript.ARABIC) {
            return List.of(words);
        }
        List<List<String>> out = new ArrayList<>();
        boolean definite = first.startsWith(ARTICLE);
        for (String particle : BEFORE_ARTICLE) {
            out.add(replaceFirst(words, particle + first));
            if (!definite) {
                out.add(replaceFirst(words, particle + ARTICLE + first));
            }
        }
        if (!definite) {
            out.add(replaceFirst(words, LIL + first));
        }
        return out;
    }

    private static List<String> replaceFirst(List<String> words, String first) {
        List<String> copy = new ArrayList<>(words);
        copy.set(0, first);
        return copy;
    }
}
