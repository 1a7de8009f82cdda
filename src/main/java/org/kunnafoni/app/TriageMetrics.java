package org.kunnafoni.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.atomic.AtomicLong;

/** The triage workers' meters, shared by every worker of the process. */
final class TriageMetrics {
    final Counter processed;
    final Counter opened;
    final Counter attached;
    final Counter duplicates;
    final Counter reclaimed;
    final Counter failures;
    final Counter deadLettered;
    final Counter flood;
    /** Seconds the workers rested to give way to a saturated intake (TriageYield). */
    final Counter yielded;
    /** Alert received → lead written. */
    final Timer latency;
    /** Age of the entry a worker last took up, in ms (0 once the stream is drained): how far triage is behind. */
    final AtomicLong lagMillis = new AtomicLong();
    /** Entries delivered to a worker but not yet acknowledged, polled periodically (-1 when unknown). */
    final AtomicLong pending = new AtomicLong(-1);

    TriageMetrics(MeterRegistry registry) {
        processed = Counter.builder("kunnafoni.triage.processed").description("intake entries triaged and written")
                .register(registry);
        opened = Counter.builder("kunnafoni.leads.opened").register(registry);
        attached = Counter.builder("kunnafoni.leads.attached").register(registry);
        duplicates = Counter.builder("kunnafoni.triage.duplicates")
                .description("entries delivered again after they were written (counted once)").register(registry);
        reclaimed = Counter.builder("kunnafoni.triage.reclaimed")
                .description("entries claimed from a consumer that left them pending").register(registry);
        failures = Counter.builder("kunnafoni.triage.failures").register(registry);
        deadLettered = Counter.builder("kunnafoni.triage.dead_lettered").register(registry);
        flood = Counter.builder("kunnafoni.triage.flood_skipped")
                .description("entries flagged flood=1 (sender over its limit): acknowledged without a lead")
                .register(registry);
        yielded = Counter.builder("kunnafoni.triage.yielded.seconds")
                .description("time workers rested between batches while intake was saturated").register(registry);
        latency = Timer.builder("kunnafoni.triage.latency").description("alert received to lead written")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        Gauge.builder("kunnafoni.triage.lag.seconds", lagMillis, v -> v.get() / 1000.0).register(registry);
        Gauge.builder("kunnafoni.triage.pending", pending, AtomicLong::get).register(registry);
    }
}
