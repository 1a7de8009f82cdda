package org.kunnafoni.intake;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.GatewayProcess;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway process is killed with SIGKILL while alerts are arriving; after a restart on the same data folder,
 * every alert that had been acknowledged is in the stream exactly once.
 */
class RestartTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    @Test
    void everyAcknowledgedAlertSurvivesAKillExactlyOnce() throws Exception {
        int httpPort = FreePorts.next();
        int redisPort = FreePorts.next();
        Path log = logs.resolve("gateway.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        GatewayProcess first = GatewayProcess.start(dataDir, httpPort, redisPort, log);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        CountDownLatch enoughAcknowledged = new CountDownLatch(200);
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.submit(() -> {
                    for (int i = 0; i < 5_000 && !Thread.currentThread().isInterrupted(); i++) {
                        String sid = "SMkill" + thread + "x" + i;
                        sent.incrementAndGet();
                        try {
                            HttpResponse<String> response = first.postTwilio(
                                    GatewayFixture.twilioSms(sid, "+2237600" + (1000 + thread), "alerte " + i));
                            if (response.statusCode() == 200) {
                                acknowledged.add(sid);
                                enoughAcknowledged.countDown();
                            }
                        } catch (Exception e) {
                            return; // the process is gone: stop this sender
                        }
                    }
                });
            }
            assertThat(enoughAcknowledged.await(60, TimeUnit.SECONDS)).isTrue();
            first.kill();
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);

        try (GatewayProcess second = GatewayProcess.start(dataDir, httpPort, redisPort, log)) {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                List<String> stored = connection.sync().xrange(RedisKeys.INTAKE_STREAM, Range.create("-", "+"))
                        .stream().map(e -> e.getBody().get("provider_id")).toList();
                Map<String, Long> copies = stored.stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(copies.values()).as("no alert stored twice").allMatch(n -> n == 1);
                assertThat(copies.keySet()).as("every acknowledged alert stored").containsAll(acknowledged);
                System.out.printf("restart test: %d sent, %d acknowledged, %d stored (the difference was in flight)%n",
                        sent.get(), acknowledged.size(), stored.size());
            } finally {
                client.shutdown();
            }
        }
    }
}
