package org.kunnafoni.radio;

import java.util.Locale;

/** Where a planned broadcast stands; {@code MISSED} is never stored, it is read from the clock. */
public enum BroadcastStatus {
    PLANNED, CONFIRMED, POSTPONED, MISSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
