package org.kunnafoni.campaign;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a campaign stands: waiting for its next run, fanning one out, finished, or stopped by staff. */
public enum CampaignStatus {
    CREATED, SCHEDULED, RUNNING, DONE, CANCELED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Done and canceled campaigns never run again. */
    public boolean finished() {
        return this == DONE || this == CANCELED;
    }

    public static Optional<CampaignStatus> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
