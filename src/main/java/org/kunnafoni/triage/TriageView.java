package org.kunnafoni.triage;

import org.kunnafoni.triage.extract.Extraction;
import org.kunnafoni.triage.violation.CategoryScore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The published shape of a triage result (CLI output, API preview, stored with each report): plain maps and
 * lists, so any JSON writer renders it the same way.
 */
public final class TriageView {
    private TriageView() {
    }

    public static Map<String, Object> of(TriageResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("language", r.language().language().code());
        out.put("region", r.region().orElse(null));
        out.put("place", r.place().map(p -> p.name()).orElse(null));
        out.put("category", r.category().id());
        out.put("categories", categories(r.violation().candidates()));
        out.put("priority", r.priority().priority().id());
        out.put("score", r.priority().score());
        Extraction e = r.extraction();
        out.put("children", e.children());
        out.put("several", e.several());
        out.put("ages", e.ages());
        out.put("sex", lower(e.sex()));
        out.put("actor", lower(e.actor()));
        out.put("time", lower(e.time()));
        out.put("weapons", e.weapons());
        out.put("explosives", e.explosives());
        out.put("medical_need", e.medicalNeed());
        out.put("ongoing", e.ongoing());
        out.put("reasons", r.reasons());
        return out;
    }

    private static List<Map<String, Object>> categories(List<CategoryScore> scores) {
        return scores.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("category", s.category().id());
            m.put("score", Math.round(s.score() * 100) / 100.0);
            return m;
        }).toList();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
