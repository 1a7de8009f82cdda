package org.kunnafoni.lead;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a lead stands in the monitors' review: {@code new → in_review → verified | unverified | dismissed | referred};
 * {@code merged} when a monitor folded it into another lead (its reports moved there).
 */
public enum LeadStatus {
    NEW, IN_REVIEW, VERIFIED, UNVERIFIED, DISMISSED, REFERRED, MERGED;

    /** The identifier used in the API, exports and Redis: {@code new}, {@code in_review}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** New reports may still be attached: nobody has closed the lead yet. */
    public boolean open() {
        return this == NEW || this == IN_REVIEW;
    }

    public static Optional<LeadStatus> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
    }
}
