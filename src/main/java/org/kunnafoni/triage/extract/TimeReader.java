package org.kunnafoni.triage.extract;

import java.util.List;

/**
 * When it happened and whether it is still going on. Several cues → the most recent wins, since a report
 * that mixes "yesterday" and "they are still here" is about now. "il y a 3 jours" / "2 weeks ago" are read
 * from the number and unit. A departure ("ils sont partis") after the last sign of presence ends it.
 */
final class TimeReader {
    record When(TimeCue time, boolean ongoing) {
    }

    private static final int FEW = 3;      // "il y a quelques jours", "a few weeks ago"
    private static final int RECENT_DAYS = 3;  // the 72 hours of the sexual-violence rule
    private static final int WEEK_DAYS = 7;

    private TimeReader() {
    }

    static When read(List<Hit> hits, List<String> reasons) {
        TimeCue time = TimeCue.UNKNOWN;
        int lastPresent = -1;
        int lastDeparted = -1;
        boolean ongoing = false;
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            TimeCue cue = cue(hits, i);
            if (cue != TimeCue.UNKNOWN) {
                time = time.mostRecent(cue);
                reasons.add("time:" + cue.name().toLowerCase(java.util.Locale.ROOT) + ":" + hit.phrase());
                lastPresent = cue == TimeCue.NOW ? i : lastPresent;
            }
            if (hit.live(CueKind.ONGOING)) {
                ongoing = true;
                lastPresent = i;
                reasons.add("ongoing:" + hit.phrase());
            }
            if (hit.live(CueKind.DEPARTED)) {
                lastDeparted = i;
                reasons.add("departed:" + hit.phrase());
            }
        }
        if (lastDeparted > lastPresent) {
            return new When(time == TimeCue.NOW ? TimeCue.TODAY : time, false);
        }
        return new When(ongoing ? TimeCue.NOW : time, ongoing);
    }

    private static TimeCue cue(List<Hit> hits, int i) {
        Hit hit = hits.get(i);
        Cue named = hit.cue(CueKind.TIME);
        if (named != null) {
            return TimeCue.valueOf(named.tag().toUpperCase(java.util.Locale.ROOT));
        }
        Cue unit = hit.cue(CueKind.DURATION);
        return unit == null ? TimeCue.UNKNOWN : ago(hits, i, unit.tag());
    }

    // "il y a 2 mois", "depuis 3 jours", "2 weeks ago"; a bare duration ("pendant 3 jours") says nothing.
    private static TimeCue ago(List<Hit> hits, int unit, String tag) {
        int quantity = Neighbours.beforeSkippingFillers(hits, unit);
        int amount = 2;
        int lead = quantity;
        if (Neighbours.is(hits, quantity, CueKind.NUMBER)) {
            amount = hits.get(quantity).cue(CueKind.NUMBER).number();
            lead = Neighbours.beforeSkippingFillers(hits, quantity);
        } else if (Neighbours.is(hits, quantity, CueKind.SEVERAL)) {
            amount = FEW;
            lead = Neighbours.beforeSkippingFillers(hits, quantity);
        }
        boolean ago = Neighbours.is(hits, lead, CueKind.AGO_BEFORE)
                || Neighbours.is(hits, Neighbours.after(hits, unit), CueKind.AGO_AFTER);
        return ago ? span(tag, amount) : TimeCue.UNKNOWN;
    }

    private static TimeCue span(String unit, int amount) {
        return switch (unit) {
            case "minutes", "hours" -> TimeCue.TODAY;
            case "days" -> amount <= 1 ? TimeCue.YESTERDAY : amount <= RECENT_DAYS ? TimeCue.RECENT
                    : amount <= WEEK_DAYS ? TimeCue.WEEK : TimeCue.PAST;
            case "weeks" -> amount <= 1 ? TimeCue.WEEK : TimeCue.PAST;
            default -> TimeCue.PAST;
        };
    }
}
