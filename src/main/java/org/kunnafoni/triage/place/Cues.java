package org.kunnafoni.triage.place;

import java.util.List;

/**
 * Locative cues. Each cue is a list of words; a word with a non-ASCII letter ("à") is compared with
 * the text as written (lower-cased), any other word with the folded text.
 */
record Cues(List<List<String>> strongBefore, List<List<String>> weakBefore, List<List<String>> weakAfter) {
    static final Cues NONE = new Cues(List.of(), List.of(), List.of());

    Cues {
        strongBefore = List.copyOf(strongBefore);
        weakBefore = List.copyOf(weakBefore);
        weakAfter = List.copyOf(weakAfter);
    }
}
