package org.kunnafoni.radio;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/** A weekly air slot of a station, in the station's local time (Africa/Bamako). */
public record BroadcastSlot(DayOfWeek day, LocalTime start, Duration length) {
    public BroadcastSlot {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(4)) > 0) {
            throw new IllegalArgumentException("slot length must be between 1 second and 4 hours: " + length);
        }
    }
}
