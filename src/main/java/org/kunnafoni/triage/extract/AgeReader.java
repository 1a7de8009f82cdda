package org.kunnafoni.triage.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Ages under 18: a number before an age unit ("12 ans", "10 years old") unless the unit measures time
 * ("il y a 2 ans", "pendant 3 ans", "2 years ago"), a number after an age prefix ("âgée de 14", "aged 9",
 * "a si ye san 12"), and a number joined to an age ("12 et 14 ans").
 */
final class AgeReader {
    static final int ADULT = 18;

    private AgeReader() {
    }

    static List<Integer> read(List<Hit> hits, List<String> reasons) {
        boolean[] age = new boolean[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            age[i] = childNumber(hits, i) && (beforeUnit(hits, i) || afterPrefix(hits, i));
        }
        for (int i = hits.size() - 1; i >= 0; i--) {
            age[i] |= childNumber(hits, i) && joinedAge(hits, age, i, Neighbours.after(hits, i), +1);
        }
        for (int i = 0; i < hits.size(); i++) {
            age[i] |= childNumber(hits, i) && joinedAge(hits, age, i, Neighbours.before(hits, i), -1);
        }
        List<Integer> ages = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            if (age[i]) {
                int value = hits.get(i).cue(CueKind.NUMBER).number();
                ages.add(value);
                reasons.add("age:" + value);
            }
        }
        return ages;
    }

    // "12 et 14 ans", "12, 13 et 15 ans" (the age follows) and "aged 12 and 14" (the age precedes)
    private static boolean joinedAge(List<Hit> hits, boolean[] age, int i, int next, int direction) {
        if (Neighbours.is(hits, next, CueKind.AGE_JOINER)) {
            next = direction > 0 ? Neighbours.after(hits, next) : Neighbours.before(hits, next);
        }
        return next >= 0 && age[next] && hits.get(next).has(CueKind.NUMBER);
    }

    private static boolean childNumber(List<Hit> hits, int i) {
        return hits.get(i).live(CueKind.NUMBER) && hits.get(i).cue(CueKind.NUMBER).number() < ADULT;
    }

    private static boolean beforeUnit(List<Hit> hits, int i) {
        int unit = Neighbours.after(hits, i);
        if (!Neighbours.is(hits, unit, CueKind.AGE_UNIT)) {
            return false;
        }
        int before = Neighbours.before(hits, i);
        boolean timeBefore = Neighbours.is(hits, before, CueKind.AGO_BEFORE) || Neighbours.is(hits, before, CueKind.AGE_BLOCKER);
        return !timeBefore && !Neighbours.is(hits, Neighbours.after(hits, unit), CueKind.AGO_AFTER);
    }

    private static boolean afterPrefix(List<Hit> hits, int i) {
        return Neighbours.is(hits, Neighbours.before(hits, i), CueKind.AGE_PREFIX);
    }
}
