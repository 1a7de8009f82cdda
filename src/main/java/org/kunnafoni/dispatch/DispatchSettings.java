package org.kunnafoni.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of the outbound pipeline.
 *
 * @param segmentsPerSecond throughput allowed per sender id (long code 1, toll-free 3, short code 30+)
 * @param burstSegments     segments a sender may send at once before the rate applies (at least one message)
 * @param maxAttempts       sends per dispatch before a retryable error becomes a failure
 * @param quietHours        default quiet window, e.g. {@code 21:00-07:00}, in {@code quietZone}
 * @param quietByRegion     per-region windows (region slug → window) replacing the default
 * @param workers           dispatch worker loops per gateway instance (each a stream consumer)
 * @param batch             dispatches a worker keeps in flight (each completes on its own)
 * @param lease             how long a claimed dispatch stays reserved for its worker; longer than one send call
 * @param heldRecheck       how often a dispatch held for missing credentials is looked at again
 * @param reclaimIdle       a stream entry unacknowledged this long is taken over from a dead worker
 * @param senders           sender id per channel (e.g. twilio → MG… or KUNNAFONI, relay → relay)
 */
public record DispatchSettings(double segmentsPerSecond, int burstSegments, int maxAttempts, String quietHours,
                               String quietZone, Map<String, String> quietByRegion, int workers, int batch,
                               Duration lease, Duration heldRecheck, Duration reclaimIdle,
                               Map<String, String> senders) {
    public DispatchSettings {
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(quietZone, "quietZone");
        quietByRegion = Map.copyOf(quietByRegion);
        senders = Map.copyOf(senders);
        if (segmentsPerSecond <= 0 || burstSegments < 1 || maxAttempts < 1 || workers < 1 || batch < 1) {
            throw new IllegalArgumentException("dispatch rates, attempts, workers and batch must be positive");
        }
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings(1.0, 10, 12, "21:00-07:00", "Africa/Bamako", Map.of(), 1, 8,
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(3), Map.of());
    }

    public Backoff backoff() {
        Backoff standard = Backoff.standard();
        return new Backoff(standard.start(), standard.factor(), standard.jitter(), standard.cap(), maxAttempts);
    }

    public QuietHours quietHours(java.time.InstantSource clock) {
        Map<String, QuietHours.Window> regions = new java.util.HashMap<>();
        quietByRegion.forEach((region, window) -> regions.put(region, QuietHours.Window.parse(window)));
        return new QuietHours(java.time.ZoneId.of(quietZone), QuietHours.Window.parse(quietHours), regions, clock);
    }

    /** Channels that have a sender id configured. */
    public List<String> channels() {
        return List.copyOf(senders.keySet());
    }
}
