package org.kunnafoni.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.kunnafoni.lead.ClusterPolicy;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.triage.TriageEngine;

import java.net.InetAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** The process's triage workers ({@code triage.workers}), started after Redis and stopped before it closes. */
public final class TriageWorkers implements AutoCloseable {
    private final List<TriageWorker> workers = new ArrayList<>();

    private TriageWorkers() {
    }

    /** {@code intakeWaiting}: what this process's intake holds unstored (the workers yield when it is busy). */
    static TriageWorkers start(GatewayConfig config, RedisConnector redis, TriageEngine engine,
                               MeterRegistry registry, InstantSource clock, IntSupplier intakeWaiting) {
        TriageWorkers all = new TriageWorkers();
        GatewayConfig.Triage triage = config.triage();
        if (triage.workers() == 0) {
            return all;
        }
        TriageWorker.Settings settings = settings(config);
        TriageMetrics metrics = new TriageMetrics(registry);
        String prefix = consumerPrefix();
        for (int i = 0; i < triage.workers(); i++) {
            TriageWorker worker = new TriageWorker(redis, engine, settings, metrics, clock, prefix + "-" + i, i == 0,
                    intakeWaiting, null);
            all.workers.add(worker);
            worker.start();
        }
        return all;
    }

    static TriageWorker.Settings settings(GatewayConfig config) {
        GatewayConfig.Triage t = config.triage();
        return new TriageWorker.Settings(new ClusterPolicy(t.clusterWindow(), t.minSimilarity()), t.claimIdle(),
                t.maxDeliveries(), config.redis().commandTimeout(),
                new TriageYield(t.busyIntakeWaiting(), t.busyShare()));
    }

    /** Host and process id: two gateways on one host must not share consumer names. */
    private static String consumerPrefix() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "gateway";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    public int size() {
        return workers.size();
    }

    @Override
    public void close() {
        workers.forEach(TriageWorker::close);
    }
}
