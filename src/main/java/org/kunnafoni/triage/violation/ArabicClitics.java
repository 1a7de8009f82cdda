package org.kunnafoni.triage.violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Arabic writes the article and the particles "and" / "with" / "so" / "for the" onto the word ("الحصار",
 * "والأطفال", "بالمسلحين", "للمعلمين"); a lexicon entry is written bare once and matches every attached form,
 * as the cue files do.
 */
final class ArabicClitics {
    private static final String ARTICLE = "\u0627\u0644";                                      // ال
    private static final List<String> PARTICLES = List.of("", "\u0648", "\u0628", "\u0641"); // و ب ف
    private static final String LIL = "\u0644\u0644";                                          // لل

    private ArabicClitics() {
    }

    /** The entry itself first, then its attached forms; entries not in Arabic script come back alone. */
    static List<String> forms(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || Character.UnicodeScript.of(trimmed.codePointAt(0)) != Character.UnicodeScript.ARABIC) {
            return List.of(text);
        }
        boolean definite = trimmed.startsWith(ARTICLE);
        List<String> out = new ArrayList<>();
        for (String particle : PARTICLES) {
            out.add(particle + trimmed);
            if (!definite) {
                out.add(particle + ARTICLE + trimmed);
            }
        }
        out.add(LIL + (definite ? trimmed.substring(ARTICLE.length()) : trimmed));
        return out;
    }
}
