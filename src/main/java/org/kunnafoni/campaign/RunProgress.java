package org.kunnafoni.campaign;

import org.kunnafoni.dispatch.DispatchState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live counts of one run (or the sum of a campaign's runs), from counters kept as dispatches change state.
 *
 * @param planned       dispatches created by the fan-out
 * @param byState       how many dispatches are in each state now (they sum to {@code planned})
 * @param everDeferred  dispatches held back at least once by quiet hours (deferred, never dropped)
 * @param failedByReason final failures by the provider's or pipeline's reason
 * @param segments      segments of every planned dispatch (the cost basis)
 */
public record RunProgress(long planned, Map<DispatchState, Long> byState, long everDeferred,
                          Map<String, Long> failedByReason, long segments) {
    public static final RunProgress EMPTY = new RunProgress(0, Map.of(), 0, Map.of(), 0);

    public RunProgress {
        byState = Map.copyOf(byState);
        failedByReason = Map.copyOf(failedByReason);
    }

    public long count(DispatchState state) {
        return Math.max(0, byState.getOrDefault(state, 0L));
    }

    /** Handed to the provider (accepted, sent, delivered or undelivered). */
    public long sent() {
        return count(DispatchState.ACCEPTED) + count(DispatchState.SENT) + count(DispatchState.DELIVERED)
                + count(DispatchState.UNDELIVERED);
    }

    /** Not yet handed over: planned, deferred, held, retrying or being sent. */
    public long pending() {
        return count(DispatchState.PLANNED) + count(DispatchState.DEFERRED) + count(DispatchState.HELD)
                + count(DispatchState.RETRYING) + count(DispatchState.SENDING);
    }

    public BigDecimal estimatedCost(BigDecimal pricePerSegment) {
        return pricePerSegment.multiply(BigDecimal.valueOf(segments)).setScale(2, RoundingMode.HALF_UP);
    }

    public RunProgress plus(RunProgress other) {
        Map<DispatchState, Long> states = new EnumMap<>(DispatchState.class);
        byState.forEach((s, n) -> states.merge(s, n, Long::sum));
        other.byState.forEach((s, n) -> states.merge(s, n, Long::sum));
        Map<String, Long> reasons = new TreeMap<>(failedByReason);
        other.failedByReason.forEach((r, n) -> reasons.merge(r, n, Long::sum));
        return new RunProgress(planned + other.planned, states, everDeferred + other.everDeferred, reasons,
                segments + other.segments);
    }
}
