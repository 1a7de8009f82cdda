package org.kunnafoni.triage.extract;

/**
 * When the reported event happened, as far as the text says. RECENT = within about three days
 * (day before yesterday, this week); WEEK = up to about a week (last week, 5 days ago), past the 72 hours that
 * make sexual violence urgent but not yet old; PAST = weeks or more ago. Ordered from most to least recent.
 */
public enum TimeCue {
    NOW, TODAY, YESTERDAY, RECENT, WEEK, PAST, UNKNOWN;

    /** The more recent of two cues; UNKNOWN loses to any stated time. */
    public TimeCue mostRecent(TimeCue other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
