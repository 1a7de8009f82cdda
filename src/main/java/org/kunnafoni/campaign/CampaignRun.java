package org.kunnafoni.campaign;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One run of a campaign (a one-off campaign has one; a recurring one gets a run per cron time). Its id is derived
 * from the campaign and the due time, so scheduling the same run twice names the same run, and every dispatch id
 * derived from it (run + recipient) is the same after a crash.
 */
public record CampaignRun(String id, String campaignId, Instant due, Status status) {
    public CampaignRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(status, "status");
    }

    public enum Status {
        /** Waiting for its time. */
        DUE,
        /** Claimed by a scheduler that is creating its dispatches. */
        FANNING_OUT,
        /** Every dispatch is created and queued; the dispatch workers take it from here. */
        FANNED_OUT,
        /** Its campaign was canceled: no new dispatch, waiting ones canceled. */
        CANCELED,
        /** Claimed after its validity had passed (e.g. every instance was down): nothing sent. */
        EXPIRED,
        /** Its text could not be rendered any more (a template was withdrawn after the campaign was created). */
        FAILED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** {@code <campaign id>-<due epoch seconds>}. */
    public static String idFor(String campaignId, Instant due) {
        return campaignId + "-" + due.getEpochSecond();
    }

    /** The campaign id part of a run id. */
    public static String campaignOf(String runId) {
        int dash = runId.lastIndexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("not a run id: " + runId);
        }
        return runId.substring(0, dash);
    }

    public static Instant dueOf(String runId) {
        return Instant.ofEpochSecond(Long.parseLong(runId.substring(runId.lastIndexOf('-') + 1)));
    }

    /** Campaign ids start with {@code C-}; other runs (e.g. on-call escalations) share the dispatch pipeline. */
    public static boolean isCampaignRun(String runId) {
        return runId.startsWith("C-") && runId.lastIndexOf('-') > 1;
    }
}
