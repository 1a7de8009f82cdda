package org.kunnafoni.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/** Intake counters exposed on /metrics; names and tags only, never numbers or message text. */
final class IntakeMetrics {
    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter spooled;
    private final Counter spoolFailures;
    private final Counter duplicates;
    private final Counter throttled;
    private final Map<String, Counter> received = new ConcurrentHashMap<>();

    IntakeMetrics(MeterRegistry registry, LongSupplier spoolDepth, IntSupplier waiting) {
        this.registry = registry;
        this.stored = registry.counter("kunnafoni.intake.alerts.stored");
        this.spooled = registry.counter("kunnafoni.intake.spooled");
        this.spoolFailures = registry.counter("kunnafoni.intake.spool.failures");
        this.duplicates = registry.counter("kunnafoni.intake.duplicates");
        this.throttled = registry.counter("kunnafoni.intake.alerts.throttled");
        Gauge.builder("kunnafoni.spool.depth", spoolDepth::getAsLong).register(registry);
        Gauge.builder("kunnafoni.intake.waiting", waiting::getAsInt)
                .description("messages received and not yet durable: their webhooks wait for an answer")
                .register(registry);
    }

    void received(String channel) {
        // looked up once per channel: registry.counter(name, tags) builds and sorts an id on every call
        received.computeIfAbsent(channel, c -> registry.counter("kunnafoni.intake.received", "channel", c))
                .increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void keyword(String command) {
        registry.counter("kunnafoni.intake.keywords", "command", command).increment();
    }

    void stored() {
        stored.increment();
    }

    /** An alert over its sender's limit: stored with flood=1 (also counted as stored). */
    void throttled() {
        throttled.increment();
    }

    void spooled() {
        spooled.increment();
    }

    void spoolFailure() {
        spoolFailures.increment();
    }
}
