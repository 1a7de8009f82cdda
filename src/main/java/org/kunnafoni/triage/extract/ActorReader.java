package org.kunnafoni.triage.extract;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The actor named most often; on a tie, the one named first (usually the one the sentence is about). */
final class ActorReader {
    private ActorReader() {
    }

    static Actor read(List<Hit> hits, List<String> reasons) {
        Map<Actor, Integer> counts = new EnumMap<>(Actor.class);
        Actor first = Actor.UNKNOWN;
        for (Hit hit : hits) {
            if (!hit.live(CueKind.ACTOR)) {
                continue;
            }
            Actor actor = Actor.valueOf(hit.cue(CueKind.ACTOR).tag().toUpperCase(Locale.ROOT));
            counts.merge(actor, 1, Integer::sum);
            first = first == Actor.UNKNOWN ? actor : first;
            reasons.add("actor:" + actor.name().toLowerCase(Locale.ROOT) + ":" + hit.phrase());
        }
        Actor best = first;
        for (Map.Entry<Actor, Integer> e : counts.entrySet()) {
            if (e.getValue() > counts.getOrDefault(best, 0)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
