package org.kunnafoni.triage.place;

import java.util.List;

/** Words [from, to) of a text that are written like one or more place forms, exactly or with typos. */
record Candidate(int from, int to, List<PlaceForm> forms, int typos) {

    int distanceTo(int otherFrom, int otherTo) {
        return Math.max(0, Math.max(otherFrom - to, from - otherTo));
    }

    boolean overlaps(int otherFrom, int otherTo) {
        return from < otherTo && otherFrom < to;
    }
}
