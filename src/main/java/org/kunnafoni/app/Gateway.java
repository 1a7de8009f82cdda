package org.kunnafoni.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.channel.relay.RelayDevices;
import org.kunnafoni.channel.relay.RelayWebhook;
import org.kunnafoni.channel.twilio.TwilioSmsWebhook;
import org.kunnafoni.intake.IntakeService;
import org.kunnafoni.intake.ReplyBook;
import org.kunnafoni.intake.Spool;
import org.kunnafoni.intake.keyword.KeywordParser;
import org.kunnafoni.intake.keyword.KeywordTable;
import org.kunnafoni.intake.keyword.Replies;
import org.kunnafoni.store.EmbeddedRedis;
import org.kunnafoni.store.RedisAlertQueue;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisSubscriberStore;
import org.kunnafoni.store.ReplicaWait;
import org.kunnafoni.triage.TriageEngine;
import org.kunnafoni.web.ApiModule;
import org.kunnafoni.web.HttpVerticle;
import org.kunnafoni.web.SubscriberRoutes;
import org.kunnafoni.audience.SubscriberRegistration;
import org.kunnafoni.triage.place.Gazetteer;
import java.util.Set;
import org.kunnafoni.web.OperationsRoutes;
import org.kunnafoni.web.WebDependencies;
import org.kunnafoni.store.RedisRequestLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A running gateway: Redis (embedded or configured), the spool, intake and the HTTP server. Built in one place
 * so that tests, the {@code serve} command and benchmarks start exactly the same thing; closing it stops the
 * parts in reverse order after draining in-flight requests.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final GatewayConfig config;
    private int httpPort;
    private String redisUri;

    private Gateway(GatewayConfig config) {
        this.config = config;
    }

    public static Gateway start(GatewayConfig config, InstantSource clock) throws Exception {
        Gateway gateway = new Gateway(config);
        try {
            gateway.startParts(clock);
            return gateway;
        } catch (Exception e) {
            gateway.close();
            throw e;
        }
    }

    public int httpPort() {
        return httpPort;
    }

    /** The Redis the gateway uses (the embedded one's loopback address when none is configured). */
    public String redisUri() {
        return redisUri;
    }

    private void startParts(InstantSource clock) throws Exception {
        // first taken, last released: nothing below may touch the folder without it
        closeLater(DataDirLock.acquire(config.dataDir()));
        PhoneProtector phones = new PhoneProtector(DataKeys.resolve(config.secrets().dataKey(), config.dataDir()));
        redisUri = startRedis();
        RedisConnector redis = closeLater(new RedisConnector(redisUri, config.redis().commandTimeout()));
        redis.tryConnect();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registerJvmMeters(registry);
        RedisSubscriberStore subscribers = new RedisSubscriberStore(redis, config.intake().dedupeTtl(), replicaWait());
        Intake intake = startIntake(redis, phones, subscribers, registry);
        // after Redis and before HTTP: closed in reverse, so alerts stop arriving before the workers stop
        TriageEngine engine = TriageEngine.loadDefault();
        if (config.triage().workers() > 0) {
            closeLater(TriageWorkers.start(config, redis, engine, registry, clock, intake.service().load()::waiting));
        }
        DispatchWiring dispatch = closeLater(DispatchWiring.start(config, redis, phones, subscribers, registry, clock));
        if (!dispatch.onCall().isEmpty()) {
            closeLater(EscalationSmsWiring.start(config, redis, dispatch, clock));
        }
        Vertx vertx = startVertx(registry, redis);
        ExecutorService hashing = Executors.newFixedThreadPool(2, r -> new Thread(r, "kunnafoni-auth"));
        closeLater(hashing::shutdownNow);
        AccessWiring.Access access = AccessWiring.build(config, redis, hashing, clock);
        ReviewWiring.Review review = ReviewWiring.build(config, vertx, redis, phones, engine, access, clock);
        CampaignWiring campaigns = closeLater(CampaignWiring.start(config, redis, dispatch, access.auth(),
                access.handler(), clock));
        closeLater(review.background());
        RadioWiring radio = closeLater(RadioWiring.build(config, redis, phones, dispatch, intake.service(),
                access.auth(), access.handler(), clock));
        SubscriberRoutes subscriberRoutes = new SubscriberRoutes(new SubscriberRegistration(subscribers, phones,
                config.intake().defaultCountry(), Set.copyOf(Gazetteer.loadDefault().regions()), clock),
                subscribers, access.handler());
        List<ApiModule> api = Stream.concat(Stream.<ApiModule>of(access.authRoutes(), access.userRoutes(),
                access.auditRoutes(), subscriberRoutes, campaigns.routes(), radio.routes()),
                review.modules().stream()).toList();
        WebDependencies web = new WebDependencies(
                config.http().host(), config.http().port(), config.http().bodyLimit(), config.http().shutdownGrace(),
                new TwilioSmsWebhook(config.publicUrl(), config.secrets().twilioAuthToken(), intake.service(), clock,
                        registry, config.http().bodyLimit()),
                new RelayWebhook(new RelayDevices(config.secrets().relaySecrets()), intake.service(), clock, registry,
                        dispatch.relayTasks()),
                new OperationsRoutes(redis, intake.spool(), intake.service(), registry),
                api,
                List.of(dispatch.statusRoutes(), radio.partnerRoutes()),
                config.http().limits(), new RedisRequestLimiter(redis), config.publicUrl());
        deployHttp(vertx, web);
    }

    private record Intake(IntakeService service, Spool spool) {
    }

    /** Intake, its spool, the thread that writes and replays the spool, and the stream-length gauge. */
    private Intake startIntake(RedisConnector redis, PhoneProtector phones, RedisSubscriberStore subscribers,
                               PrometheusMeterRegistry registry) throws IOException {
        Spool spool = closeLater(new Spool(config.dataDir().resolve("spool")));
        ScheduledExecutorService spoolThread = Executors.newSingleThreadScheduledExecutor(
                r -> new Thread(r, "kunnafoni-spool"));
        closeLater(() -> shutdown(spoolThread));
        IntakeService intake = new IntakeService(
                new KeywordParser(KeywordTable.loadDefault()),
                new ReplyBook(Replies.loadDefault(), config.intake().hotline(),
                        config.intake().alertReply() == GatewayConfig.AlertReply.ACK),
                phones, config.intake().defaultCountry(),
                new RedisAlertQueue(redis, config.intake().dedupeTtl(), config.intake().senderLimit(),
                        config.intake().senderWindow(), replicaWait()),
                subscribers,
                spool, spoolThread, registry);
        spoolThread.scheduleWithFixedDelay(new SpoolReplayer(spool, intake, redis, config.redis().commandTimeout()),
                0, config.spool().replayInterval().toMillis(), TimeUnit.MILLISECONDS);
        registerStreamLength(redis, registry, spoolThread);
        return new Intake(intake, spool);
    }

    /** redis.wait-replicas: intake's writes count once that many replicas confirm them. */
    private ReplicaWait replicaWait() {
        return new ReplicaWait(config.redis().waitReplicas(), config.redis().waitTimeout());
    }

    /** Vert.x with Micrometer metrics; intake gets one Redis connection per event loop. */
    private Vertx startVertx(PrometheusMeterRegistry registry, RedisConnector redis) {
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        closeLater(() -> vertx.close().await(30, TimeUnit.SECONDS));
        redis.bindEventLoops(((VertxInternal) vertx).eventLoopGroup());
        closeLater(redis::releaseEventLoops);
        if (config.secrets().twilioAuthToken().isEmpty()) {
            LOG.warn("no KUNNAFONI_TWILIO_AUTH_TOKEN: the Twilio webhook answers 403 until it is set");
        }
        return vertx;
    }

    /** HTTP verticles ({@link HttpInstances}) on the shared port; undeploying drains requests. */
    private void deployHttp(Vertx vertx, WebDependencies web) throws Exception {
        int instances = HttpInstances.resolve(config.http().instances(), config.redis().uri().isEmpty(),
                Runtime.getRuntime().availableProcessors());
        String deployment = vertx.deployVerticle(() -> new HttpVerticle(web), new DeploymentOptions()
                .setInstances(instances)).await(30, TimeUnit.SECONDS);
        closeLater(() -> vertx.undeploy(deployment).await(config.http().shutdownGrace().toMillis() + 5000,
                TimeUnit.MILLISECONDS));
        httpPort = config.http().port();
        LOG.info("Kunnafoni gateway listening on {}:{} (public URL {})", config.http().host(), httpPort,
                config.publicUrl());
    }

    private String startRedis() throws IOException {
        Optional<String> uri = config.redis().uri();
        if (uri.isPresent()) {
            return uri.get();
        }
        EmbeddedRedis embedded = closeLater(EmbeddedRedis.start(config.dataDir(), config.redis().embeddedPort(),
                config.redis().embeddedAppendfsync()));
        return embedded.uri();
    }

    /** XLEN is polled off the request path; the gauge reads the last value. */
    /** Heap, GC, threads and CPU on /metrics, so an operator (and the soak benchmark) can see a leak coming. */
    private void registerJvmMeters(PrometheusMeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        closeLater(new JvmGcMetrics()).bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private static void registerStreamLength(RedisConnector redis, PrometheusMeterRegistry registry,
                                             ScheduledExecutorService scheduler) {
        AtomicLong length = new AtomicLong(-1);
        Gauge.builder("kunnafoni.intake.stream.length", length::get).register(registry);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                length.set(redis.async().xlen(RedisKeys.INTAKE_STREAM).get(2, TimeUnit.SECONDS));
            } catch (Exception e) {
                length.set(-1);
            }
        }, 0, 5, TimeUnit.SECONDS);
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        toClose.push(resource);
        return resource;
    }

    private static void shutdown(ScheduledExecutorService executor) throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        while (!toClose.isEmpty()) {
            try {
                toClose.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }
}
