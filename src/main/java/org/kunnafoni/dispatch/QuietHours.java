package org.kunnafoni.dispatch;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hours in which no awareness SMS goes out, by region (a message at 23:00 wakes a household and can draw
 * attention to a phone). Default 21:00–07:00, Africa/Bamako. Checked at send time, not at fan-out, because a
 * dispatch may wait in the queue for hours.
 */
public final class QuietHours {
    public static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    public static final Window DEFAULT_WINDOW = new Window(LocalTime.of(21, 0), LocalTime.of(7, 0));

    private final ZoneId zone;
    private final Window defaultWindow;
    private final Map<String, Window> byRegion;
    private final InstantSource clock;

    public QuietHours(ZoneId zone, Window defaultWindow, Map<String, Window> byRegion, InstantSource clock) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.defaultWindow = Objects.requireNonNull(defaultWindow, "defaultWindow");
        this.byRegion = Map.copyOf(byRegion);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static QuietHours bamakoDefault(InstantSource clock) {
        return new QuietHours(BAMAKO, DEFAULT_WINDOW, Map.of(), clock);
    }

    /** Quiet from {@code start} (inclusive) to {@code end} (exclusive); may span midnight; equal = never quiet. */
    public record Window(LocalTime start, LocalTime end) {
        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        /** Parses {@code "21:00-07:00"}. */
        public static Window parse(String text) {
            String[] parts = text.trim().split("\\s*-\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("quiet hours must look like 21:00-07:00, not '" + text + "'");
            }
            return new Window(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        }

        public boolean contains(LocalTime time) {
            if (start.equals(end)) {
                return false;
            }
            return start.isBefore(end)
                    ? !time.isBefore(start) && time.isBefore(end)
                    : !time.isBefore(start) || time.isBefore(end);
        }
    }

    public sealed interface Decision {
        record SendNow() implements Decision {
        }

        record DeferUntil(Instant until) implements Decision {
        }
    }

    public Decision check(Optional<String> region) {
        Window window = region.map(byRegion::get).orElse(defaultWindow);
        ZonedDateTime now = clock.instant().atZone(zone);
        if (!window.contains(now.toLocalTime())) {
            return new Decision.SendNow();
        }
        LocalDate endDay = now.toLocalTime().isBefore(window.end()) ? now.toLocalDate() : now.toLocalDate().plusDays(1);
        return new Decision.DeferUntil(ZonedDateTime.of(endDay, window.end(), zone).toInstant());
    }
}
