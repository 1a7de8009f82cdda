package org.kunnafoni.lead;

import org.kunnafoni.triage.TextNormalizer;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Word-set similarity between two alerts: folded content words, Jaccard. Words under three letters are dropped
 * in every language (articles, particles and prepositions are short in all the gateway's languages), except
 * numbers, which often tell incidents apart; longer function words are listed below only for the languages
 * whose grammar words we are sure of (French, English, Arabic). A final -s is dropped so plurals match.
 */
public final class TextSimilarity {
    private static final Set<String> STOP_WORDS = Set.of(
            // French
            "les", "des", "une", "est", "sont", "ont", "dans", "par", "pour", "avec", "sur", "pas", "que", "qui",
            "aux", "ces", "cet", "cette", "son", "ses", "leur", "nous", "vous", "ils", "elle", "mais", "donc",
            "car", "ete", "etait", "avait", "avons", "avez", "tres", "plus", "aussi", "tout", "toute",
            "comme", "sans", "sous", "chez", "entre", "vers", "depuis", "lui", "ceux", "celui", "cela", "ceci",
            "dont", "quand", "encore", "deja", "etre", "avoir", "notre", "votre", "nos", "vos", "mes", "tes",
            "moi", "toi", "meme", "ici", "quel", "quelle",
            // English
            "the", "and", "are", "was", "were", "has", "have", "had", "with", "for", "from", "this", "that",
            "these", "those", "they", "them", "their", "there", "here", "our", "you", "your", "his", "her", "its",
            "not", "but", "been", "being", "into", "onto", "over", "about", "who", "which", "what", "when",
            "where", "some", "any", "all", "very", "also",
            // Arabic
            "على", "إلى", "الى", "هذا", "هذه", "التي", "الذي", "لقد", "كان", "عند");
    private static final int MIN_LETTERS = 3;

    private TextSimilarity() {
    }

    /** The content words of a text, folded, in first-seen order. */
    public static Set<String> terms(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String token : TextNormalizer.tokens(TextNormalizer.fold(text))) {
            String word = singular(token);
            boolean number = word.chars().allMatch(Character::isDigit);
            if (number || word.codePointCount(0, word.length()) >= MIN_LETTERS && !STOP_WORDS.contains(word)
                    && !STOP_WORDS.contains(token)) {
                out.add(word);
            }
        }
        return out;
    }

    /** Jaccard index of two word sets; 0 when either is empty (nothing to compare is not a match). */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }

    /** The best similarity of a text to any of several (a lead's recent reports). */
    public static double best(Set<String> terms, List<Set<String>> others) {
        return others.stream().mapToDouble(o -> jaccard(terms, o)).max().orElse(0);
    }

    private static String singular(String token) {
        boolean latin = token.chars().allMatch(c -> c < 0x250);
        return latin && token.length() > 3 && token.endsWith("s") ? token.substring(0, token.length() - 1) : token;
    }
}
