package org.kunnafoni.fault;

import io.lettuce.core.models.stream.PendingMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.GatewayProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway processes on one Redis share intake and triage (one consumer group). One is killed with SIGKILL
 * while alerts pour into both and while its triage worker holds entries it read but did not acknowledge: the
 * survivor reclaims them after {@code triage.claim-idle} (XAUTOCLAIM), and every acknowledged alert ends up in
 * the stream once and attached to a lead once.
 */
class TwoGatewaysIngestKillTest {
    private static final Duration CLAIM_IDLE = Duration.ofSeconds(2);
    private static final String DATA_KEY = java.util.Base64.getEncoder().encodeToString(
            new java.security.SecureRandom().ints(32, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                    java.io.ByteArrayOutputStream::write, (x, y) -> { }).toByteArray());

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private GatewayProcess gateway(String name, SharedRedis redis) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        GatewayProcess process = GatewayProcess.start(data, FreePorts.next(), Map.of(
                "KUNNAFONI_REDIS_URI", redis.uri(),
                // one key for both: a reporter's pseudonym must not depend on the instance that took the alert
                "KUNNAFONI_DATA_KEY", DATA_KEY,
                "KUNNAFONI_TRIAGE_CLAIM_IDLE", CLAIM_IDLE.toMillis() + "ms",
                "KUNNAFONI_HTTP_INSTANCES", "1"), List.of(), dir.resolve(name + ".log"));
        open.add(process);
        return process;
    }

    @Test
    void killingOneOfTwoGatewaysLosesNoAcknowledgedAlertAndTriagesEachOnce() throws Exception {
        SharedRedis redis = new SharedRedis(FreePorts.next(), Files.createDirectories(dir.resolve("redis")));
        open.add(redis);
        GatewayProcess a = gateway("a", redis);
        GatewayProcess b = gateway("b", redis);
        Senders senders = new Senders(4, "SMtwo", (thread, sid, n) -> {
            GatewayProcess target = thread % 2 == 0 && a.alive() ? a : b;
            return target.postTwilio(GatewayFixture.twilioSms(sid, Alerts.phone(thread, n), Alerts.text(thread, n)));
        });
        open.add(senders);
        Await.until("300 alerts acknowledged", Duration.ofSeconds(90), () -> senders.acknowledged.size() >= 300);

        String consumerOfA = "-" + a.pid() + "-";
        long pendingAtKill = freezeWhileHolding(a, redis, consumerOfA);
        long killedAt = System.nanoTime();
        a.kill();
        int acknowledgedAtKill = senders.acknowledged.size();
        Await.until("the survivor reclaimed the dead worker's entries", Duration.ofSeconds(60),
                () -> pendingOf(redis, consumerOfA) == 0);
        long reclaimNanos = System.nanoTime() - killedAt;
        Await.until("200 more alerts acknowledged by the survivor", Duration.ofSeconds(60),
                () -> senders.acknowledged.size() >= acknowledgedAtKill + 200);
        senders.stop();

        Await.until("every acknowledged alert triaged into a lead", Duration.ofSeconds(120),
                () -> IntakeLedger.read(redis.commands()).allTriaged(senders.acknowledged));
        long triagedNanos = System.nanoTime() - killedAt;
        Await.until("nothing pending in the triage group", Duration.ofSeconds(30),
                () -> IntakeLedger.read(redis.commands()).pending() == 0);
        IntakeLedger ledger = IntakeLedger.read(redis.commands());
        new FaultReport("two_gateways_kill_during_ingest",
                "SIGKILL one of two gateways on one Redis during sustained ingest, its triage worker holding entries")
                .put("posted", senders.sent.get())
                .put("acknowledged", senders.acknowledged.size())
                .put("posts_cut_by_the_kill", senders.failedPosts.get())
                .put("stream_entries", ledger.storedEntries())
                .put("pending_of_killed_worker_at_kill", pendingAtKill)
                .put("duplicate_stream_entries", ledger.duplicateEntries())
                .put("duplicate_lead_reports", ledger.duplicateReports())
                .put("claim_idle_s", CLAIM_IDLE.toMillis() / 1000.0)
                .put("reclaim_after_kill_s", FaultReport.seconds(reclaimNanos))
                .put("all_acknowledged_in_leads_after_kill_s", FaultReport.seconds(triagedNanos))
                .write();
        assertThat(pendingAtKill).as("the kill caught entries read but not acknowledged").isPositive();
        assertThat(ledger.duplicateEntries()).as("no alert stored twice").isZero();
        assertThat(ledger.duplicateReports()).as("no report attached twice").isZero();
        assertThat(ledger.entriesBySid().keySet()).containsAll(senders.acknowledged);
        assertThat(reclaimNanos).as("reclaimed within a few claim-idle periods")
                .isLessThan(CLAIM_IDLE.multipliedBy(10).toNanos());
    }

    /**
     * Freezes the process (SIGSTOP) at a moment its triage worker holds pending entries, so the kill that follows
     * leaves some behind; answers how many. Between attempts the process runs on (SIGCONT).
     */
    private static long freezeWhileHolding(GatewayProcess gateway, SharedRedis redis, String consumer) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Signals.send("STOP", gateway.pid());
            long pending = pendingOf(redis, consumer);
            if (pending > 0) {
                return pending;
            }
            Signals.send("CONT", gateway.pid());
            Thread.sleep(5);
        }
        throw new AssertionError("the gateway's triage worker never held a pending entry");
    }

    private static long pendingOf(SharedRedis redis, String consumerPart) {
        PendingMessages summary = redis.commands().xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP);
        return summary.getConsumerMessageCount().entrySet().stream()
                .filter(e -> e.getKey().contains(consumerPart)).mapToLong(Map.Entry::getValue).sum();
    }
}
