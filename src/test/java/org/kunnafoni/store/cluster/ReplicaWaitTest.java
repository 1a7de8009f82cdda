package org.kunnafoni.store.cluster;

import io.lettuce.core.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.audience.ConsentChange;
import org.kunnafoni.audience.ConsentResult;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue;
import org.kunnafoni.intake.AlertQueue.EnqueueResult;
import org.kunnafoni.store.RedisAlertQueue;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisSubscriberStore;
import org.kunnafoni.store.ReplicaWait;
import org.kunnafoni.support.RedisReplicaSet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code redis.wait-replicas} at the store: an append counts once a replica has it, else it fails (→ spool). */
class ReplicaWaitTest {
    private static final Duration WAIT = Duration.ofMillis(300);

    @TempDir
    Path dir;
    RedisReplicaSet redis;
    RedisConnector connector;
    AlertQueue queue;

    @BeforeEach
    void start() throws Exception {
        redis = RedisReplicaSet.start(dir);
        connector = new RedisConnector(redis.uri(0), Duration.ofSeconds(2));
        queue = new RedisAlertQueue(connector, Duration.ofHours(48), 0, Duration.ofMinutes(10), new ReplicaWait(1, WAIT));
    }

    @AfterEach
    void stop() {
        connector.close();
        redis.close();
    }

    @Test
    void anAppendTheReplicaConfirmedIsOnTheReplica() throws Exception {
        EnqueueResult result = append("SM-1");

        assertThat(result).isInstanceOf(EnqueueResult.Enqueued.class);
        assertThat(redis.commands(redis.port(1)).xrange(RedisKeys.INTAKE_STREAM, Range.create("-", "+")))
                .as("on the replica as soon as the append counts").hasSize(1);
        assertThat(append("SM-1")).as("a provider retry").isInstanceOf(EnqueueResult.Duplicate.class);
    }

    @Test
    void withoutItsReplicaAnAppendFailsAndItsRetryIsADuplicateThatStillWaits() throws Exception {
        redis.kill(1);

        assertThatThrownBy(() -> append("SM-2")).hasRootCauseInstanceOf(ReplicaWait.ReplicationShortfall.class)
                .hasStackTraceContaining("0 of 1 Redis replica(s) confirmed the write within 300ms");
        assertThat(redis.commands(redis.port(0)).xlen(RedisKeys.INTAKE_STREAM)).as("written on the master").isOne();
        assertThatThrownBy(() -> append("SM-2")).as("the replay: a duplicate, still unconfirmed")
                .hasRootCauseInstanceOf(ReplicaWait.ReplicationShortfall.class);
    }

    @Test
    void aConsentChangeCountsOnceTheReplicaHasItAndFailsWithoutIt() throws Exception {
        RedisSubscriberStore subscribers = new RedisSubscriberStore(connector, Duration.ofHours(48),
                new ReplicaWait(1, WAIT));

        assertThat(subscribers.apply(optOut("SM-stop-1")).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ConsentResult.Applied.class);
        assertThat(redis.commands(redis.port(1)).hget(RedisKeys.subscriber("R-0000000001"), "status"))
                .as("on the replica").isEqualTo("opted_out");
        redis.kill(1);
        assertThat(subscribers.apply(optOut("SM-stop-2")).toCompletableFuture())
                .failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .withRootCauseInstanceOf(ReplicaWait.ReplicationShortfall.class);
    }

    private static ConsentChange optOut(String sid) {
        return new ConsentChange("R-0000000001", "v1:" + "x".repeat(60), ConsentChange.Action.OPT_OUT,
                Optional.empty(), Optional.empty(), "twilio", sid, "STOP", Instant.now(), ConsentChange.Decider.PERSON,
                "sms_keyword:twilio");
    }

    @Test
    void manyAppendsWithoutAReplicaShareWaitsSoTheConnectionIsNotStalled() throws Exception {
        redis.kill(1);
        long start = System.nanoTime();
        List<CompletableFuture<EnqueueResult>> appends = IntStream.range(0, 300)
                .mapToObj(i -> queue.append(alert("SM-many-" + i)).toCompletableFuture()).toList();
        long pingStart = System.nanoTime();
        assertThat(connector.async().ping().get(5, TimeUnit.SECONDS)).isEqualTo("PONG");
        long pingMillis = (System.nanoTime() - pingStart) / 1_000_000;
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(10, TimeUnit.SECONDS);
        long allMillis = (System.nanoTime() - start) / 1_000_000;

        String stats = redis.commands(redis.port(0)).info("commandstats");
        long waits = Long.parseLong(stats.replaceAll("(?s).*cmdstat_wait:calls=(\\d+).*", "$1"));

        assertThat(appends).allSatisfy(a -> assertThat(a).isCompletedExceptionally());
        // one WAIT per round instead of 300 in a row (300 × 300ms = 90s)
        assertThat(waits).as("WAITs sent for 300 appends").isBetween(1L, 10L);
        assertThat(allMillis).as("all 300 refused within a few WAIT rounds").isLessThan(10 * WAIT.toMillis());
        assertThat(pingMillis).as("a PING behind them waits for about one WAIT")
                .isLessThan(3 * WAIT.toMillis());
        System.out.printf("[replica-wait] 300 appends without a replica: %d WAITs, all refused after %d ms, "
                + "a PING behind them answered in %d ms%n", waits, allMillis, pingMillis);
    }

    private EnqueueResult append(String sid) throws Exception {
        return queue.append(alert(sid)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static Alert alert(String sid) {
        InboundMessage m = new InboundMessage("twilio", InboundMessage.Kind.SMS, sid, "+22376300001", "+15005550006",
                "Des hommes armés ont enlevé deux enfants à Boni hier soir", Instant.now(), Optional.empty());
        return new Alert(m, "R-0000000001", "v1:" + "x".repeat(60));
    }
}
