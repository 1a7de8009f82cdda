package org.kunnafoni.triage.place;

/** An accepted match with what {@code best()} weighs: words covered and whether a locative cue precedes it. */
record Found(PlaceMatch match, int from, int to, boolean cue) {

    boolean overlaps(Found other) {
        return from < other.to && other.from < to;
    }

    int specificity() {
        return Kind.specificity(match.kind());
    }
}
