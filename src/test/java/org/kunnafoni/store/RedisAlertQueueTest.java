package org.kunnafoni.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue;
import org.kunnafoni.support.FreePorts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-sender flood flag counts alerts in the window they were received in, not when they reach Redis. */
class RedisAlertQueueTest {
    private static final Instant MORNING = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    static Path dataDir;
    static EmbeddedRedis server;
    static RedisConnector redis;

    @BeforeAll
    static void startRedis() throws Exception {
        server = EmbeddedRedis.start(dataDir, FreePorts.next(), "no");
        redis = new RedisConnector(server.uri(), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
        server.close();
    }

    @org.junit.jupiter.api.Test
    void aBatchIsStoredInOrderWithDuplicatesDroppedAndFloodCounted() {
        RedisAlertQueue queue = new RedisAlertQueue(redis, Duration.ofHours(48), 2, Duration.ofMinutes(10));
        java.util.List<Alert> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(new Alert(new InboundMessage("twilio", InboundMessage.Kind.SMS, "SMbatch" + i, "+22376000009",
                    "+1500", "alerte " + i, MORNING.plusSeconds(i), Optional.empty()), "R-batch", "enc"));
        }
        batch.add(batch.get(1)); // a provider retry inside the same replay
        java.util.List<AlertQueue.EnqueueResult> results = queue.appendAll(batch).toCompletableFuture().join();
        assertThat(results).hasSize(5);
        assertThat(results.get(4)).isInstanceOf(AlertQueue.EnqueueResult.Duplicate.class);
        assertThat(results.subList(0, 4)).extracting(r -> ((AlertQueue.EnqueueResult.Enqueued) r).flood())
                .containsExactly(false, false, true, true);
        java.util.List<String> ids = results.subList(0, 4).stream()
                .map(r -> ((AlertQueue.EnqueueResult.Enqueued) r).entryId()).toList();
        assertThat(ids).as("stream order is the batch order").isSortedAccordingTo(
                java.util.Comparator.comparing((String id) -> Long.parseLong(id.substring(0, id.indexOf('-'))))
                        .thenComparing(id -> Long.parseLong(id.substring(id.indexOf('-') + 1))));
    }

    @ParameterizedTest(name = "{1} alerts received {2} s apart (limit 30 per 10 min) → {3} flagged")
    @CsvSource({
            "R-burst, 35, 1, 5",      // a flood: 35 in 35 seconds
            "R-spooled, 35, 900, 0",  // one every 15 min, all replayed from the spool in one burst
            "R-edge, 31, 19, 1",      // 31 within one ten-minute window
    })
    void floodIsCountedByTheTimeReceived(String reporter, int alerts, int secondsApart, int flagged) {
        RedisAlertQueue queue = new RedisAlertQueue(redis, Duration.ofHours(48), 30, Duration.ofMinutes(10));
        int flood = 0;
        for (int i = 0; i < alerts; i++) {
            Instant received = MORNING.plusSeconds((long) i * secondsApart);
            InboundMessage m = new InboundMessage("twilio", InboundMessage.Kind.SMS, "SM" + reporter + i,
                    "+22376000000", "+1500", "alerte " + i, received, Optional.empty());
            AlertQueue.EnqueueResult result = queue.append(new Alert(m, reporter, "enc")).toCompletableFuture().join();
            if (result instanceof AlertQueue.EnqueueResult.Enqueued enqueued && enqueued.flood()) {
                flood++;
            }
        }
        assertThat(flood).isEqualTo(flagged);
    }
}
