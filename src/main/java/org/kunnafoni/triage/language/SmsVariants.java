package org.kunnafoni.triage.language;

import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SMS-style spellings of a training line, so the model knows texts typed without special letters, in the
 * French-influenced spelling of Malian languages common on phones, and with French/English abbreviations.
 */
public final class SmsVariants {
    private static final Pattern DOUBLE_VOWEL = Pattern.compile("([aeiou])\\1");

    // Whole-word abbreviations seen in French SMS in West Africa (folded spelling); phrases before their words.
    private static final List<String[]> FRENCH = pairs(
            "s il vous plait", "svp", "est ce que", "esk", "parce que", "pcq", "aujourd hui", "auj",
            "rendez vous", "rdv", "c est", "c", "beaucoup", "bcp", "bonjour", "bjr", "bonsoir", "bsr",
            "salut", "slt", "dans", "ds", "enfants", "enfts", "enfant", "enft", "pour", "pr", "quand", "qd",
            "tout", "tt", "tous", "tt", "toutes", "tte", "quelque", "qlq", "que", "ke", "qui", "ki", "quoi", "koi",
            "avec", "avc", "merci", "mrc", "maintenant", "mtn", "toujours", "tjrs", "vous", "vs", "nous", "ns",
            "probleme", "pb", "temps", "tps", "meme", "mm");

    private static final List<String[]> ENGLISH = pairs(
            "you", "u", "are", "r", "please", "pls", "thanks", "thx", "people", "ppl", "because", "bcoz",
            "your", "ur", "tomorrow", "tmrw", "message", "msg");

    private SmsVariants() {
    }

    /** The folded line followed by its distinct SMS-style variants. */
    public static List<String> of(Language language, String raw) {
        String base = TextNormalizer.fold(raw.replace('š', 'ʃ').replace("ʃ", "ch"));
        Set<String> out = new LinkedHashSet<>();
        out.add(TextNormalizer.fold(raw));
        out.add(plainLetters(base));
        switch (language) {
            case FRA -> out.add(abbreviate(base, FRENCH));
            case ENG -> out.add(abbreviate(base, ENGLISH));
            case BAM, SES, FFM, TAQ -> out.add(frenchified(plainLetters(base)));
            default -> {
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * One typical phone spelling of a text, for evaluation: special letters and accents dropped, and French or
     * English abbreviations used.
     */
    public static String smsStyle(Language language, String raw) {
        String plain = plainLetters(TextNormalizer.fold(raw.replace("š", "ch")));
        return switch (language) {
            case FRA -> abbreviate(plain, FRENCH);
            case ENG -> abbreviate(plain, ENGLISH);
            default -> plain;
        };
    }

    // Letters with no key on a French phone keyboard, spelled as writers do without them.
    static String plainLetters(String folded) {
        return folded.replace('ɓ', 'b').replace('ɗ', 'd').replace('ƴ', 'y').replace('ǝ', 'e').replace('ə', 'e')
                .replace("ɣ", "gh").replace('ʼ', '\'').replace('ɩ', 'i').replace('ʋ', 'u');
    }

    // French-school spelling of Malian languages: ou for u, dj for j, tch for c, gn for ny, one vowel for two.
    static String frenchified(String folded) {
        String s = folded.replace("u", "ou").replace("j", "dj").replace("c", "tch").replace("ny", "gn");
        return DOUBLE_VOWEL.matcher(s).replaceAll("$1");
    }

    static String abbreviate(String folded, List<String[]> table) {
        String spaced = NgramText.lettersOf(folded);
        for (String[] pair : table) {
            spaced = spaced.replace(" " + pair[0] + " ", " " + pair[1] + " ");
        }
        return spaced.trim();
    }

    private static List<String[]> pairs(String... words) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < words.length; i += 2) {
            out.add(new String[] {words[i], words[i + 1]});
        }
        return List.copyOf(out);
    }
}
