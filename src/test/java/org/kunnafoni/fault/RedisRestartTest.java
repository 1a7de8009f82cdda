package org.kunnafoni.fault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is stopped and started again while alerts keep arriving from several senders: the spool takes over, is
 * replayed when Redis is back, and every acknowledged alert ends up in the stream once and in a lead once. Measures
 * the recovery time: Redis accepting connections again → spool empty and {@code /ready} answering ready.
 */
class RedisRestartTest {
    @TempDir
    Path dir;
    private SharedRedis redis;
    private GatewayFixture gateway;
    private Senders senders;

    @AfterEach
    void stop() throws Exception {
        if (senders != null) {
            senders.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aRedisRestartDuringIngestLosesNothingAcknowledgedAndDuplicatesNothing() throws Exception {
        redis = new SharedRedis(FreePorts.next(), Files.createDirectories(dir.resolve("redis")));
        gateway = new GatewayFixture(Files.createDirectories(dir.resolve("gateway")),
                Map.of("KUNNAFONI_REDIS_URI", redis.uri()), InstantSource.system());
        senders = new Senders(4, "SMrestart", (thread, sid, n) -> gateway.postTwilio(
                GatewayFixture.twilioSms(sid, Alerts.phone(thread, n), Alerts.text(thread, n))));
        Await.until("200 alerts acknowledged", Duration.ofSeconds(60), () -> senders.acknowledged.size() >= 200);

        redis.stop();
        int beforeOutage = senders.acknowledged.size();
        Await.until("200 alerts acknowledged from the spool", Duration.ofSeconds(60),
                () -> senders.acknowledged.size() >= beforeOutage + 200);
        long spooled = spoolDepth(gateway.get("/ready"));
        redis.start();
        long back = System.nanoTime();
        Await.until("spool replayed and ready", Duration.ofSeconds(60), () -> {
            HttpResponse<String> ready = ready();
            return ready != null && ready.statusCode() == 200 && ready.body().contains("\"status\":\"ready\"");
        });
        long recoveryNanos = System.nanoTime() - back;
        int afterRecovery = senders.acknowledged.size();
        Await.until("100 more alerts acknowledged straight into Redis", Duration.ofSeconds(60),
                () -> senders.acknowledged.size() >= afterRecovery + 100);
        senders.stop();

        Await.until("every acknowledged alert triaged into a lead", Duration.ofSeconds(120),
                () -> IntakeLedger.read(redis.commands()).allTriaged(senders.acknowledged));
        IntakeLedger ledger = IntakeLedger.read(redis.commands());
        new FaultReport("redis_restart_during_ingest",
                "Redis stopped and started again while 4 senders post alerts continuously")
                .put("posted", senders.sent.get())
                .put("acknowledged", senders.acknowledged.size())
                .put("refused_503", senders.refused.size())
                .put("spool_depth_when_redis_returned", spooled)
                .put("stream_entries", ledger.storedEntries())
                .put("duplicate_stream_entries", ledger.duplicateEntries())
                .put("duplicate_lead_reports", ledger.duplicateReports())
                .put("recovery_redis_back_to_ready_s", FaultReport.seconds(recoveryNanos))
                .write();
        assertThat(spooled).as("the spool took over").isPositive();
        assertThat(ledger.entriesBySid().keySet()).containsAll(senders.acknowledged);
        assertThat(ledger.duplicateEntries()).as("no alert stored twice").isZero();
        assertThat(ledger.duplicateReports()).as("no report attached twice").isZero();
        assertThat(senders.refused).as("the spool acknowledged everything while Redis was away").isEmpty();
    }

    private HttpResponse<String> ready() {
        try {
            return gateway.get("/ready");
        } catch (Exception e) {
            return null;
        }
    }

    static long spoolDepth(HttpResponse<String> ready) {
        return new io.vertx.core.json.JsonObject(ready.body()).getJsonObject("spool").getLong("depth");
    }
}
