package org.kunnafoni.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.kunnafoni.app.ConfigLoader;
import org.kunnafoni.app.GatewayConfig;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.channel.relay.RelayDevices;
import org.kunnafoni.channel.relay.RelayWebhook;
import org.kunnafoni.channel.twilio.TwilioSmsWebhook;
import org.kunnafoni.intake.AlertQueue;
import org.kunnafoni.intake.IntakeService;
import org.kunnafoni.intake.ReplyBook;
import org.kunnafoni.intake.Spool;
import org.kunnafoni.intake.keyword.KeywordParser;
import org.kunnafoni.intake.keyword.KeywordTable;
import org.kunnafoni.intake.keyword.Replies;
import org.kunnafoni.store.EmbeddedRedis;
import org.kunnafoni.store.RedisAlertQueue;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisSubscriberStore;
import org.kunnafoni.web.HttpVerticle;
import org.kunnafoni.web.OperationsRoutes;
import org.kunnafoni.web.WebDependencies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An experiment, not a product: the gateway's own HTTP, webhook and intake classes wired like
 * {@code Gateway.start}, with one part switched off, to see what each part costs under the benchmark load.
 * {@code no-metrics}: Vert.x without Micrometer. {@code memory-queue}: alerts "stored" in a counter instead of
 * Redis — nothing is durable, so the benchmark reports them all as lost. Same environment variables as serve.
 *
 * <p>Usage: {@code AblationServer [no-metrics] [memory-queue]}.
 */
public final class AblationServer {
    private AblationServer() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        GatewayConfig config = ConfigLoader.load(Path.of("config/gateway.yaml"), System.getenv());
        Files.createDirectories(config.dataDir());
        PhoneProtector phones = new PhoneProtector(Base64.getDecoder().decode(config.secrets().dataKey().orElseThrow()));
        EmbeddedRedis embedded = EmbeddedRedis.start(config.dataDir(), config.redis().embeddedPort(),
                config.redis().embeddedAppendfsync());
        RedisConnector redis = new RedisConnector(embedded.uri(), config.redis().commandTimeout());
        redis.tryConnect();
        Spool spool = new Spool(config.dataDir().resolve("spool"));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AlertQueue queue = flags.contains("memory-queue") ? memoryQueue()
                : new RedisAlertQueue(redis, config.intake().dedupeTtl());
        IntakeService intake = new IntakeService(new KeywordParser(KeywordTable.loadDefault()),
                new ReplyBook(Replies.loadDefault(), config.intake().hotline(), false), phones,
                config.intake().defaultCountry(), queue, new RedisSubscriberStore(redis, config.intake().dedupeTtl()),
                spool, Executors.newSingleThreadExecutor(), registry);
        Vertx vertx = flags.contains("no-metrics") ? Vertx.vertx() : Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
        WebDependencies web = new WebDependencies(config.http().host(), config.http().port(),
                config.http().bodyLimit(), config.http().shutdownGrace(),
                new TwilioSmsWebhook(config.publicUrl(), config.secrets().twilioAuthToken(), intake,
                        InstantSource.system(), registry),
                new RelayWebhook(new RelayDevices(config.secrets().relaySecrets()), intake, InstantSource.system(),
                        registry),
                new OperationsRoutes(redis, spool, intake, registry));
        int instances = config.http().instances() > 0 ? config.http().instances()
                : Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(() -> new HttpVerticle(web), new DeploymentOptions().setInstances(instances))
                .await(30, TimeUnit.SECONDS);
        System.out.println("ablation server " + flags + " listening on " + config.http().port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
                redis.close();
                embedded.close();
            } catch (Exception e) {
                // exiting anyway
            }
        }));
    }

    private static AlertQueue memoryQueue() {
        AtomicLong sequence = new AtomicLong();
        return alert -> CompletableFuture.completedFuture(
                new AlertQueue.EnqueueResult.Enqueued(sequence.incrementAndGet() + "-0"));
    }
}
