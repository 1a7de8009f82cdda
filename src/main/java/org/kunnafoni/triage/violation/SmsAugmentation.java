package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Extra training variants of a team-written SMS, spelled as hurried senders write: the usual French and English SMS
 * abbreviations, and a copy with one word left out (texts are often cut or telegraphic). Works on folded text, so
 * accents and Bambara letters are already in their SMS form.
 */
public final class SmsAugmentation {
    // Only abbreviations in everyday SMS use in Mali's French and in English; each maps one folded word.
    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("enfants", "enfts"), Map.entry("enfant", "enft"), Map.entry("que", "ke"), Map.entry("qui", "ki"),
            Map.entry("pour", "pr"), Map.entry("dans", "ds"), Map.entry("beaucoup", "bcp"), Map.entry("avec", "avc"),
            Map.entry("sont", "st"), Map.entry("nous", "ns"), Map.entry("vous", "vs"), Map.entry("quand", "qd"),
            Map.entry("aujourd", "auj"), Map.entry("toujours", "tjrs"), Map.entry("jour", "jr"),
            Map.entry("c", "c"), Map.entry("est", "e"), Map.entry("tout", "tt"), Map.entry("petit", "pti"),
            Map.entry("you", "u"), Map.entry("are", "r"), Map.entry("please", "pls"), Map.entry("people", "ppl"),
            Map.entry("children", "childrn"), Map.entry("because", "bcoz"), Map.entry("the", "d"),
            Map.entry("to", "2"), Map.entry("for", "4"), Map.entry("tonight", "2nite"), Map.entry("today", "2day"));

    private SmsAugmentation() {
    }

    /** The text itself first, then its variants (distinct). */
    public static List<String> variants(String text, Random random) {
        List<String> words = TextNormalizer.tokens(TextNormalizer.fold(text));
        List<String> out = new ArrayList<>();
        out.add(text);
        List<String> shortened = words.stream().map(w -> SHORT.getOrDefault(w, w)).toList();
        if (!shortened.equals(words)) {
            out.add(String.join(" ", shortened));
        }
        if (words.size() >= 4) {
            List<String> cut = new ArrayList<>(words);
            cut.remove(random.nextInt(cut.size()));
            out.add(String.join(" ", cut));
        }
        return out;
    }
}
