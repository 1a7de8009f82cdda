package org.kunnafoni.fault;

import io.lettuce.core.Range;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.GatewayProcess;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Redis is down and the spool's disk is full — a real ENOSPC from the kernel, not a simulated exception: the
 * gateway runs in a private mount namespace ({@code unshare --mount}) whose spool folder is a 1 MiB tmpfs that a
 * ballast file fills before the JVM starts. Nothing that cannot be stored is acknowledged: Twilio gets 503 with
 * Retry-After (it retries), the relay phone {@code success:false}. Deleting the ballast (through
 * {@code /proc/<pid>/root}, the process's view of its mounts) gives the space back: the retried messages are
 * spooled and acknowledged, and reach Redis once it returns.
 */
class SpoolDiskFullTest {
    private static final String WRAPPER = "mount -t tmpfs -o size=1m kunnafoni-spool \"$0\""
            + " && { dd if=/dev/zero of=\"$0/ballast\" bs=4k 2>/dev/null; exec \"$@\"; }";

    @TempDir
    Path dir;
    private SharedRedis redis;
    private GatewayProcess gateway;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.kill();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aFullSpoolDiskRefusesClearlyAndServiceReturnsWithTheSpace() throws Exception {
        Assumptions.assumeTrue(canMountTmpfs(), "needs unshare --mount and tmpfs (root or CAP_SYS_ADMIN)");
        redis = new SharedRedis(FreePorts.next(), Files.createDirectories(dir.resolve("redis")));
        Path data = Files.createDirectories(dir.resolve("gateway"));
        Path spool = Files.createDirectories(data.resolve("spool"));
        gateway = GatewayProcess.start(data, FreePorts.next(), Map.of("KUNNAFONI_REDIS_URI", redis.uri(),
                        "KUNNAFONI_REDIS_COMMAND_TIMEOUT", "1s", "KUNNAFONI_SPOOL_REPLAY_INTERVAL", "100ms",
                        "KUNNAFONI_TRIAGE_WORKERS", "0", "KUNNAFONI_HTTP_INSTANCES", "1"),
                List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", WRAPPER, spool.toString()),
                dir.resolve("gateway.log"));
        Path ballast = Path.of("/proc", Long.toString(gateway.pid()), "root").resolve(spool.toString().substring(1))
                .resolve("ballast");
        assertThat(Files.size(ballast)).as("the ballast filled the tmpfs").isGreaterThan(900_000);
        assertThatThrownBy(() -> Files.write(ballast.resolveSibling("probe"), new byte[8192]))
                .as("the kernel refuses writes there").hasMessageContaining("No space left on device");
        Files.deleteIfExists(ballast.resolveSibling("probe"));
        assertThat(twilio("SMfull0", "avant la panne").statusCode()).isEqualTo(200);

        redis.stop();
        HttpResponse<String> refused = twilio("SMfull1", "disque plein");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> relayRefused = gateway.postRelay(GatewayFixture.relayPost("r-full-1", "+22376000002",
                "relais disque plein"));
        assertThat(relayRefused.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(relayRefused.body()).getJsonObject("payload").getBoolean("success")).isFalse();
        HttpResponse<String> degraded = gateway.get("/ready");
        assertThat(degraded.statusCode()).isEqualTo(503);
        assertThat(RedisRestartTest.spoolDepth(degraded)).as("nothing half-written counts as spooled").isZero();

        long spaceBack = System.nanoTime();
        Files.delete(ballast);
        HttpResponse<String> retried = twilio("SMfull1", "disque plein");
        long firstAcceptedNanos = System.nanoTime() - spaceBack;
        assertThat(retried.statusCode()).as("Twilio's retry, once there is space").isEqualTo(200);
        HttpResponse<String> relayRetried = gateway.postRelay(GatewayFixture.relayPost("r-full-1", "+22376000002",
                "relais disque plein"));
        assertThat(relayRetried.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(relayRetried.body()).getJsonObject("payload").getBoolean("success")).isTrue();
        assertThat(RedisRestartTest.spoolDepth(gateway.get("/ready"))).isEqualTo(2);

        redis.start();
        long redisBack = System.nanoTime();
        Await.until("spool replayed and ready", Duration.ofSeconds(30), () -> {
            try {
                HttpResponse<String> ready = gateway.get("/ready");
                return ready.statusCode() == 200 && ready.body().contains("\"status\":\"ready\"");
            } catch (Exception e) {
                return false;
            }
        });
        long recoveryNanos = System.nanoTime() - redisBack;
        assertThat(twilio("SMfull2", "après").statusCode()).isEqualTo(200);
        List<String> bodies = redis.commands().xrange(RedisKeys.INTAKE_STREAM, Range.create("-", "+")).stream()
                .map(e -> e.getBody().get("body")).toList();
        new FaultReport("spool_disk_full", "Redis down and the spool's tmpfs full (ENOSPC), then space freed, "
                + "then Redis back")
                .put("refused_twilio_status", refused.statusCode())
                .put("refused_relay_success", false)
                .put("stream_entries", bodies.size())
                .put("first_acknowledgement_after_space_freed_s", FaultReport.seconds(firstAcceptedNanos))
                .put("recovery_redis_back_to_ready_s", FaultReport.seconds(recoveryNanos))
                .write();
        assertThat(bodies).as("each message once, in order; the refused attempts stored nothing")
                .containsExactly("avant la panne", "disque plein", "relais disque plein", "après");
    }

    private HttpResponse<String> twilio(String sid, String body) throws Exception {
        return gateway.postTwilio(GatewayFixture.twilioSms(sid, "+22376000001", body));
    }

    /** Whether this user may mount a tmpfs in a private mount namespace (root in CI and in the dev container). */
    private boolean canMountTmpfs() throws Exception {
        Path probe = Files.createDirectories(dir.resolve("probe"));
        try {
            Process p = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount -t tmpfs -o size=64k probe \"$0\"", probe.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException noUnshare) {
            return false;
        }
    }
}
