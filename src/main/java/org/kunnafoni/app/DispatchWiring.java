package org.kunnafoni.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.audience.SubscriberRepository;
import org.kunnafoni.channel.relay.RelayDevices;
import org.kunnafoni.channel.relay.RelaySender;
import org.kunnafoni.channel.relay.RelayTasks;
import org.kunnafoni.channel.twilio.TwilioCredentials;
import org.kunnafoni.channel.twilio.TwilioSender;
import org.kunnafoni.channel.twilio.TwilioStatusRoutes;
import org.kunnafoni.channel.twilio.TwilioStatusWebhook;
import org.kunnafoni.dispatch.DeliveryReports;
import org.kunnafoni.dispatch.DispatchPipeline;
import org.kunnafoni.dispatch.DispatchSettings;
import org.kunnafoni.dispatch.DispatchWorker;
import org.kunnafoni.dispatch.OnCallRecipients;
import org.kunnafoni.dispatch.Sender;
import org.kunnafoni.dispatch.SlotTimer;
import org.kunnafoni.dispatch.SubscriberConsent;
import org.kunnafoni.dispatch.ConsentCheck;
import org.kunnafoni.radio.PartnerRecipients;
import org.kunnafoni.store.RedisRadioStore;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDispatchQueue;
import org.kunnafoni.store.RedisDispatchStore;
import org.kunnafoni.store.RedisRateLimiter;
import org.kunnafoni.store.RedisRelayOutbox;
import org.kunnafoni.store.RedisRunPlans;
import org.kunnafoni.store.RedisRunProgress;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * The outbound side: dispatch workers on a Redis stream, the Twilio sender on its own worker pool (the SDK
 * blocks), and the signed status callback route. Without Twilio credentials, dispatches are held, not lost.
 * When a relay phone is configured, the relay sender queues messages in the phones' outboxes, which the
 * phones empty through {@link RelayTasks}.
 */
final class DispatchWiring implements AutoCloseable {
    private final List<DispatchWorker> workers = new ArrayList<>();
    private final RedisDispatchQueue queue;
    private final ExecutorService twilioPool;
    private final TwilioStatusRoutes statusRoutes;
    private final RedisDispatchStore store;
    private final RelayTasks relayTasks;
    private final List<String> onCall;

    private DispatchWiring(RedisDispatchQueue queue, ExecutorService twilioPool, TwilioStatusRoutes statusRoutes,
                           RedisDispatchStore store, RelayTasks relayTasks, List<String> onCall) {
        this.onCall = onCall;
        this.queue = queue;
        this.twilioPool = twilioPool;
        this.statusRoutes = statusRoutes;
        this.store = store;
        this.relayTasks = relayTasks;
    }

    static DispatchWiring start(GatewayConfig config, RedisConnector redis, PhoneProtector phones,
                                SubscriberRepository subscribers, MeterRegistry registry, InstantSource clock)
            throws Exception {
        DispatchSettings s = config.dispatch();
        // campaign runs keep live progress counters from every state change
        RedisDispatchStore store = new RedisDispatchStore(redis, new RedisRunProgress(redis));
        // on-call staff first (by keyed pseudonym, numbers only in memory), then radio station numbers (radio
        // notifications), then subscribers: all reached through the same pipeline
        ConsentCheck stationsAndSubscribers = new PartnerRecipients(new SubscriberConsent(subscribers, phones),
                new RedisRadioStore(redis), phones);
        OnCallRecipients consent = new OnCallRecipients(config.review().onCall(), phones::pseudonym,
                stationsAndSubscribers);
        // a thread per dispatch in flight: each waits for its send slot on the thread that makes the call
        ExecutorService pool = TwilioSender.workerPool(s.workers() * s.batch());
        TwilioSender twilio = new TwilioSender(config.twilio().apiBaseUrl(), config.publicUrl(),
                java.util.Optional.empty(),
                TwilioCredentials.of(config.twilio().accountSid().orElse(""), config.secrets().twilioAuthToken()), pool,
                new TwilioSender.Timeouts(config.twilio().connectTimeout(), config.twilio().requestTimeout()), clock);
        DeliveryReports reports = new DeliveryReports(store, consent, clock);
        RedisRelayOutbox outbox = new RedisRelayOutbox(redis);
        Map<String, Sender> senders = new HashMap<>(Map.of("twilio", twilio));
        if (config.relay().routing().configured() || !config.secrets().relaySecrets().isEmpty()) {
            senders.put(RelaySender.CHANNEL, new RelaySender(config.relay().routing(), outbox, phones, clock,
                    config.secrets().relaySecrets().keySet()));
        }
        DispatchPipeline pipeline = new DispatchPipeline(store, consent, s.quietHours(clock),
                new RedisRateLimiter(redis, s.segmentsPerSecond(), s.burstSegments()), senders,
                s.backoff(), new SplittableRandom(), clock, s.lease(), s.heldRecheck(), new RedisRunPlans(redis),
                SlotTimer.system(clock));
        FunctionCounter.builder("kunnafoni.dispatch.slots.given_up", pipeline, DispatchPipeline::slotsGivenUp)
                .description("send slots reached too late to keep the rate ceiling (the dispatch took a new one)")
                .register(registry);
        FunctionCounter.builder("kunnafoni.dispatch.unanswered", pipeline, DispatchPipeline::unansweredSends)
                .description("sends that got no answer and may have reached the provider (a retry may duplicate)")
                .register(registry);
        RedisDispatchQueue queue = new RedisDispatchQueue(redis, s.reclaimIdle());
        TwilioStatusRoutes routes = new TwilioStatusRoutes(new TwilioStatusWebhook(config.publicUrl(),
                config.secrets().twilioAuthToken(), reports, registry),
                config.http().bodyLimit());
        RelayTasks relayTasks = new RelayTasks(new RelayDevices(config.secrets().relaySecrets()), outbox, reports,
                phones, config.relay().settings(), clock, registry);
        DispatchWiring wiring = new DispatchWiring(queue, pool, routes, store, relayTasks, consent.pseudonyms());
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

    RelayTasks relayTasks() {
        return relayTasks;
    }

    /** Pseudonyms of the on-call numbers, for escalation SMS. */
    List<String> onCall() {
        return onCall;
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
