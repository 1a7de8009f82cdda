package org.kunnafoni.triage.priority;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.extract.Extraction;
import org.kunnafoni.triage.extract.TimeCue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Priority from the category and the extracted facts, following the shared labelling guide:
 * urgent when danger is ongoing, an abduction is under way or a day old, a child is injured and needs
 * care, sexual violence is under 72 hours old, or several children are killed or injured; other recent
 * or undated grave violations are high; old ones (weeks ago) and other child-protection concerns normal;
 * everything else low. Each rule that fires is named in the reasons.
 */
public final class PriorityRules {
    static final String DANGER_ONGOING = "rule:danger_ongoing";
    static final String ABDUCTION_IN_PROGRESS = "rule:abduction_in_progress";
    static final String INJURED_CHILD = "rule:injured_child_needs_care";
    static final String SEXUAL_VIOLENCE_72H = "rule:sexual_violence_within_72h";
    static final String SEVERAL_VICTIMS = "rule:several_victims";
    static final String RECENT_GRAVE = "rule:recent_grave_violation";
    static final String OLD_REPORT = "rule:old_report";
    static final String OTHER_PROTECTION = "rule:other_protection";
    static final String NOT_RELEVANT = "rule:not_relevant";

    private static final Set<TimeCue> WITHIN_A_DAY = Set.of(TimeCue.NOW, TimeCue.TODAY, TimeCue.YESTERDAY);
    private static final Set<TimeCue> WITHIN_72H = Set.of(TimeCue.NOW, TimeCue.TODAY, TimeCue.YESTERDAY, TimeCue.RECENT);

    public PriorityResult assess(Category category, Extraction extraction) {
        List<String> fired = new ArrayList<>();
        Priority priority = switch (category) {
            case NOT_RELEVANT -> fire(fired, NOT_RELEVANT, Priority.LOW);
            case OTHER_CHILD_PROTECTION -> fire(fired, OTHER_PROTECTION, Priority.NORMAL);
            default -> grave(category, extraction, fired);
        };
        return new PriorityResult(priority, Score.of(priority, category, extraction, fired), fired);
    }

    private static Priority grave(Category category, Extraction x, List<String> fired) {
        boolean now = x.ongoing() || x.time() == TimeCue.NOW;
        if (x.time() == TimeCue.PAST && !now) {
            return fire(fired, OLD_REPORT, Priority.NORMAL);
        }
        when(now, fired, DANGER_ONGOING);
        when(category == Category.ABDUCTION && WITHIN_A_DAY.contains(x.time()), fired, ABDUCTION_IN_PROGRESS);
        when(x.medicalNeed(), fired, INJURED_CHILD);
        when(category == Category.SEXUAL_VIOLENCE && WITHIN_72H.contains(x.time()), fired, SEXUAL_VIOLENCE_72H);
        when(category == Category.KILLING_MAIMING && x.multipleChildren(), fired, SEVERAL_VICTIMS);
        return fired.isEmpty() ? fire(fired, RECENT_GRAVE, Priority.HIGH) : Priority.URGENT;
    }

    private static void when(boolean condition, List<String> fired, String rule) {
        if (condition) {
            fired.add(rule);
        }
    }

    private static Priority fire(List<String> fired, String rule, Priority priority) {
        fired.add(rule);
        return priority;
    }
}
