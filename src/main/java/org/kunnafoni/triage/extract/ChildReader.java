package org.kunnafoni.triage.extract;

import java.util.List;

/**
 * How many children, whether several, and their sex. Counts attach to a child noun: before it in French,
 * English, Arabic ("trois enfants"), after it in Bambara, Songhay, Fulfulde ("denmisɛn saba"), digits on
 * either side. Girls and boys counted apart add up ("deux filles et trois garçons" = 5); a general count
 * covers its parts ("5 enfants dont 2 filles" = 5).
 */
final class ChildReader {
    record Children(Integer count, boolean several, Sex sex) {
    }

    private ChildReader() {
    }

    static Children read(List<Hit> hits, List<String> reasons) {
        int any = 0;
        int female = 0;
        int male = 0;
        boolean counted = false;
        boolean several = false;
        boolean mentioned = false;
        boolean girls = false;
        boolean boys = false;
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            Cue noun = noun(hit);
            Cue sexWord = hit.negated() ? null : hit.cue(CueKind.SEX);
            if (sexWord != null) {
                girls |= sexWord.tag().equals("female");
                boys |= sexWord.tag().equals("male");
                reasons.add("sex:" + sexWord.tag() + ":" + hit.phrase());
            }
            if (noun == null) {
                continue;
            }
            mentioned = true;
            girls |= noun.tag().equals("female");
            boys |= noun.tag().equals("male");
            int count = count(hits, i, noun);
            if (count > 0) {
                counted = true;
                reasons.add("children:" + count + ":" + hit.phrase());
                switch (noun.tag()) {
                    case "female" -> female = Math.max(female, count);
                    case "male" -> male = Math.max(male, count);
                    default -> any = Math.max(any, count);
                }
            } else if (severalNear(hits, i)) {
                several = true;
                reasons.add("several:" + hit.phrase());
            }
        }
        Integer total = counted ? Math.max(any, female + male) : null;
        if (!counted && mentioned && severalCasualties(hits, reasons)) {
            several = true;
        }
        return new Children(total, several || total != null && total >= 2, sex(girls, boys));
    }

    private static Cue noun(Hit hit) {
        if (hit.negated()) {
            return null;
        }
        Cue counted = hit.cue(CueKind.COUNTED_CHILD);
        return counted != null ? counted : hit.cue(CueKind.CHILD);
    }

    private static int count(List<Hit> hits, int i, Cue noun) {
        if (noun.kind() == CueKind.COUNTED_CHILD) {
            return noun.number();
        }
        int before = Neighbours.beforeSkippingFillers(hits, i);
        if (Neighbours.is(hits, before, CueKind.NUMBER) && hits.get(before).cue(CueKind.NUMBER).numberBeforeNoun()) {
            return hits.get(before).cue(CueKind.NUMBER).number();
        }
        int after = Neighbours.after(hits, i);
        if (Neighbours.is(hits, after, CueKind.NUMBER) && hits.get(after).cue(CueKind.NUMBER).numberAfterNoun()
                && hits.get(after).clause() == hits.get(i).clause() && !unitFollows(hits, after)) {
            return hits.get(after).cue(CueKind.NUMBER).number();
        }
        return 0;
    }

    // "enfant 12 ans", "denmisɛn 3 tile": the number measures age or time, not children.
    private static boolean unitFollows(List<Hit> hits, int number) {
        int next = Neighbours.after(hits, number);
        return Neighbours.is(hits, next, CueKind.AGE_UNIT) || Neighbours.is(hits, next, CueKind.DURATION);
    }

    private static boolean severalNear(List<Hit> hits, int i) {
        int before = Neighbours.beforeSkippingFillers(hits, i);
        if (Neighbours.is(hits, before, CueKind.SEVERAL) && hits.get(before).cue(CueKind.SEVERAL).numberBeforeNoun()) {
            return true;
        }
        int after = Neighbours.after(hits, i);
        return Neighbours.is(hits, after, CueKind.SEVERAL) && hits.get(after).cue(CueKind.SEVERAL).numberAfterNoun();
    }

    // "des enfants … trois blessés": children named, victims counted apart; two or more victims → several.
    private static boolean severalCasualties(List<Hit> hits, List<String> reasons) {
        for (int i = 0; i < hits.size(); i++) {
            if (!hits.get(i).live(CueKind.CASUALTY)) {
                continue;
            }
            int before = Neighbours.beforeSkippingFillers(hits, i);
            boolean counted = Neighbours.is(hits, before, CueKind.NUMBER)
                    && hits.get(before).cue(CueKind.NUMBER).number() >= 2;
            if (counted || Neighbours.is(hits, before, CueKind.SEVERAL)) {
                reasons.add("several:" + hits.get(before).phrase() + " " + hits.get(i).phrase());
                return true;
            }
        }
        return false;
    }

    private static Sex sex(boolean girls, boolean boys) {
        if (girls && boys) {
            return Sex.MIXED;
        }
        return girls ? Sex.FEMALE : boys ? Sex.MALE : Sex.UNKNOWN;
    }
}
