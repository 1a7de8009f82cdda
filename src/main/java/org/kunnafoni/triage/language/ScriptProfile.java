package org.kunnafoni.triage.language;

import org.kunnafoni.triage.Language;

import java.util.Optional;

/**
 * Letters of a text counted by writing system. Arabic, Tifinagh, N'Ko and Adlam each belong to one of our
 * language groups, so when one of them dominates the text the script alone decides.
 */
record ScriptProfile(int latin, int arabic, int tifinagh, int nko, int adlam, int other) {

    static ScriptProfile of(String text) {
        int latin = 0, arabic = 0, tifinagh = 0, nko = 0, adlam = 0, other = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case LATIN -> latin++;
                case ARABIC -> arabic++;
                case TIFINAGH -> tifinagh++;
                case NKO -> nko++;
                case ADLAM -> adlam++;
                default -> other++;
            }
        }
        return new ScriptProfile(latin, arabic, tifinagh, nko, adlam, other);
    }

    int letters() {
        return latin + arabic + tifinagh + nko + adlam + other;
    }

    /** The language of the dominant non-Latin script, if one of ours dominates (more letters than Latin). */
    Optional<Language> decisiveLanguage() {
        int best = Math.max(Math.max(arabic, tifinagh), Math.max(nko, adlam));
        if (best == 0 || best <= latin) {
            return Optional.empty();
        }
        if (best == arabic) {
            return Optional.of(Language.ARA);
        }
        if (best == tifinagh) {
            return Optional.of(Language.TAQ);
        }
        return Optional.of(best == nko ? Language.BAM : Language.FFM);
    }

    String scriptName(Language language) {
        return switch (language) {
            case ARA -> "Arabic";
            case TAQ -> "Tifinagh";
            case BAM -> "N'Ko";
            case FFM -> "Adlam";
            default -> "Latin";
        };
    }

    int count(Language language) {
        return switch (language) {
            case ARA -> arabic;
            case TAQ -> tifinagh;
            case BAM -> nko;
            case FFM -> adlam;
            default -> latin;
        };
    }
}
