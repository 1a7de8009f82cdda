package org.kunnafoni.intake.keyword;

import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.util.List;

/**
 * One keyword of the table, in folded form. A keyword without letters or digits ("?") is a symbol: it is
 * matched against the whole message rather than word by word.
 */
public record Keyword(String folded, Action action, Language language) {

    public enum Action {
        OPT_OUT,
        /** A subscribe verb: may be followed by a region, a language and at most one word not understood. */
        OPT_IN,
        /** A bare "yes": opts in too, but any word not understood makes the message an alert. */
        YES,
        HELP,
        RADIO_AIRED,
        RADIO_POSTPONED
    }

    public List<String> words() {
        return TextNormalizer.tokens(folded);
    }

    public boolean symbol() {
        return words().isEmpty();
    }
}
