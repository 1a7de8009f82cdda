package org.kunnafoni.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The six grave violations, plus the two buckets for everything else (DESIGN.md). */
public enum Category {
    KILLING_MAIMING,
    RECRUITMENT_USE,
    SEXUAL_VIOLENCE,
    ABDUCTION,
    ATTACK_SCHOOL_HOSPITAL,
    DENIAL_HUMANITARIAN_ACCESS,
    OTHER_CHILD_PROTECTION,
    NOT_RELEVANT;

    /** The identifier used in the API, exports and configuration: {@code killing_maiming}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id().equals(wanted)).findFirst();
    }
}
