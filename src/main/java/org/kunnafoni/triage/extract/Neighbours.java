package org.kunnafoni.triage.extract;

import java.util.List;

/** Hits that touch: no unmatched word between them. */
final class Neighbours {
    private Neighbours() {
    }

    /** Index of the hit just before hit {@code i} with no word between, or -1. */
    static int before(List<Hit> hits, int i) {
        return i > 0 && hits.get(i - 1).end() == hits.get(i).start() ? i - 1 : -1;
    }

    /** Index of the hit just after hit {@code i} with no word between, or -1. */
    static int after(List<Hit> hits, int i) {
        return i >= 0 && i + 1 < hits.size() && hits.get(i + 1).start() == hits.get(i).end() ? i + 1 : -1;
    }

    /** Like {@link #before}, skipping touching fillers ("trois jeunes enfants", "dizaine d'enfants"). */
    static int beforeSkippingFillers(List<Hit> hits, int i) {
        int j = before(hits, i);
        while (j >= 0 && hits.get(j).has(CueKind.FILLER) && hits.get(j).cues().size() == 1) {
            j = before(hits, j);
        }
        return j;
    }

    static boolean is(List<Hit> hits, int index, CueKind kind) {
        return index >= 0 && hits.get(index).live(kind);
    }
}
