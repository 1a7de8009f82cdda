package org.kunnafoni.triage.priority;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.extract.Extraction;
import org.kunnafoni.triage.extract.TimeCue;

import java.util.List;

/**
 * Orders leads inside a priority band: each level starts at its floor and gains points for severity
 * (how grave the category, how many urgent rules, how many children) and freshness, then is clamped into
 * its band. The weights are judgement calls; only the order they give matters.
 */
final class Score {
    private static final int PER_EXTRA_RULE = 5;
    private static final int MAX_CHILD_POINTS = 5;

    private Score() {
    }

    static int of(Priority priority, Category category, Extraction x, List<String> fired) {
        int points = switch (priority) {
            case URGENT -> PER_EXTRA_RULE * (fired.size() - 1) + freshness(x.time()) + dangerSigns(x) + children(x);
            case HIGH -> gravity(category) + freshness(x.time()) + dangerSigns(x) + children(x);
            case NORMAL -> (category == Category.OTHER_CHILD_PROTECTION ? 0 : 10) + dangerSigns(x) + children(x);
            case LOW -> 0;
        };
        return priority.clamp(priority.minScore() + points);
    }

    private static int gravity(Category category) {
        return switch (category) {
            case KILLING_MAIMING, SEXUAL_VIOLENCE -> 6;
            case ABDUCTION, RECRUITMENT_USE -> 5;
            case ATTACK_SCHOOL_HOSPITAL -> 4;
            case DENIAL_HUMANITARIAN_ACCESS -> 3;
            default -> 0;
        };
    }

    private static int freshness(TimeCue time) {
        return switch (time) {
            case NOW -> 8;
            case TODAY -> 6;
            case YESTERDAY -> 4;
            case RECENT -> 2;
            case WEEK -> 1;
            case UNKNOWN, PAST -> 0;
        };
    }

    private static int dangerSigns(Extraction x) {
        return (x.weapons() ? 2 : 0) + (x.explosives() ? 3 : 0) + (x.medicalNeed() ? 3 : 0)
                + (x.actor() == org.kunnafoni.triage.extract.Actor.UNKNOWN ? 0 : 1);
    }

    private static int children(Extraction x) {
        int count = x.children() == null ? (x.several() ? 2 : 0) : x.children();
        return Math.min(count, MAX_CHILD_POINTS);
    }
}
