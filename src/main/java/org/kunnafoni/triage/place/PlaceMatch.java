package org.kunnafoni.triage.place;

/**
 * A place found in a text.
 *
 * @param matched the text as written; {@code start}/{@code end} are its offsets in the original text
 * @param score   confidence in [0, 1]: exact name 1.0, variant 0.95, lower for typos and ambiguous names
 * @param fuzzy   matched through a spelling mistake
 */
public record PlaceMatch(String name, String region, String kind, String matched, int start, int end,
                         double score, boolean fuzzy) {
}
