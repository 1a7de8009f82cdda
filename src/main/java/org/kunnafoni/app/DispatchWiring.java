package org.kunnafoni.app;

import io.micrometer.core.instrument.MeterRegistry;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.audience.SubscriberRepository;
import org.kunnafoni.channel.twilio.TwilioCredentials;
import org.kunnafoni.channel.twilio.TwilioSender;
import org.kunnafoni.channel.twilio.TwilioStatusRoutes;
import org.kunnafoni.channel.twilio.TwilioStatusWebhook;
import org.kunnafoni.dispatch.DeliveryReports;
import org.kunnafoni.dispatch.DispatchPipeline;
import org.kunnafoni.dispatch.DispatchSettings;
import org.kunnafoni.dispatch.DispatchWorker;
import org.kunnafoni.dispatch.SubscriberConsent;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDispatchQueue;
import org.kunnafoni.store.RedisDispatchStore;
import org.kunnafoni.store.RedisRateLimiter;
import org.kunnafoni.store.RedisRunProgress;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * The outbound side: dispatch workers on a Redis stream, the Twilio sender on its own worker pool (the SDK
 * blocks), and the signed status callback route. Without Twilio credentials, dispatches are held, not lost.
 */
final class DispatchWiring implements AutoCloseable {
    private static final int TWILIO_THREADS = 4;

    private final List<DispatchWorker> workers = new ArrayList<>();
    private final RedisDispatchQueue queue;
    private final ExecutorService twilioPool;
    private final TwilioStatusRoutes statusRoutes;
    private final RedisDispatchStore store;

    private DispatchWiring(RedisDispatchQueue queue, ExecutorService twilioPool, TwilioStatusRoutes statusRoutes,
                           RedisDispatchStore store) {
        this.queue = queue;
        this.twilioPool = twilioPool;
        this.statusRoutes = statusRoutes;
        this.store = store;
    }

    static DispatchWiring start(GatewayConfig config, RedisConnector redis, PhoneProtector phones,
                                SubscriberRepository subscribers, MeterRegistry registry, InstantSource clock)
            throws Exception {
        DispatchSettings s = config.dispatch();
        // campaign runs keep live progress counters from every state change
        RedisDispatchStore store = new RedisDispatchStore(redis, new RedisRunProgress(redis));
        SubscriberConsent consent = new SubscriberConsent(subscribers, phones);
        ExecutorService pool = TwilioSender.workerPool(TWILIO_THREADS);
        TwilioSender twilio = new TwilioSender(config.twilio().apiBaseUrl(), config.publicUrl(),
                java.util.Optional.empty(),
                TwilioCredentials.of(config.twilio().accountSid().orElse(""), config.secrets().twilioAuthToken()), pool);
        DispatchPipeline pipeline = new DispatchPipeline(store, consent, s.quietHours(clock),
                new RedisRateLimiter(redis, s.segmentsPerSecond(), s.burstSegments()), Map.of("twilio", twilio),
                s.backoff(), new SplittableRandom(), clock, s.lease(), s.heldRecheck());
        RedisDispatchQueue queue = new RedisDispatchQueue(redis, s.reclaimIdle());
        TwilioStatusRoutes routes = new TwilioStatusRoutes(new TwilioStatusWebhook(config.publicUrl(),
                config.secrets().twilioAuthToken(), new DeliveryReports(store, consent, clock), registry),
                config.http().bodyLimit());
        DispatchWiring wiring = new DispatchWiring(queue, pool, routes, store);
        String host = InetAddress.getLocalHost().getHostName();
        for (int i = 0; i < s.workers(); i++) {
            DispatchWorker worker = new DispatchWorker(queue, pipeline,
                    host + "-" + ProcessHandle.current().pid() + "-" + i, s.batch(), Duration.ofMillis(500), clock);
            worker.start();
            wiring.workers.add(worker);
        }
        return wiring;
    }

    TwilioStatusRoutes statusRoutes() {
        return statusRoutes;
    }

    RedisDispatchStore store() {
        return store;
    }

    RedisDispatchQueue queue() {
        return queue;
    }

    @Override
    public void close() throws Exception {
        for (DispatchWorker worker : workers) {
            worker.close();
        }
        queue.close();
        twilioPool.shutdown();
    }
}
