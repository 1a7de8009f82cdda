package org.kunnafoni.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.support.GatewayFixture;
import redis.embedded.RedisServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away while alerts keep coming: every alert is still acknowledged (fsynced to the spool), /ready says
 * so, and when Redis returns the spool is replayed in order with no duplicates.
 */
class RedisDownTest {
    @TempDir
    Path gatewayData;
    @TempDir
    Path redisData;
    private RedisServer redis;
    private GatewayFixture gateway;

    private RedisServer startRedis(int port) throws Exception {
        RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("dir " + redisData).setting("appendonly yes").setting("appendfsync always")
                .setting("save \"\"").build();
        server.start();
        return server;
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void acknowledgedAlertsSurviveARedisOutageAndAreReplayedInOrderOnce() throws Exception {
        int port = FreePorts.next();
        redis = startRedis(port);
        gateway = new GatewayFixture(gatewayData, Map.of("KUNNAFONI_REDIS_URI", "redis://127.0.0.1:" + port),
                InstantSource.system());
        assertThat(gateway.postTwilio(GatewayFixture.twilioSms("SMbefore1", "+22376000001", "avant")).statusCode())
                .isEqualTo(200);

        redis.stop();
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String sid = "SMduring" + i;
            HttpResponse<String> response = gateway.postTwilio(GatewayFixture.twilioSms(sid, "+22376000002",
                    "pendant la panne " + i));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).endsWith("<Response/>");
            acknowledged.add(sid);
        }
        // a provider retry during the outage is spooled again but must not be stored twice
        gateway.postTwilio(GatewayFixture.twilioSms("SMduring3", "+22376000002", "pendant la panne 3"));
        HttpResponse<String> ready = gateway.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"redis\":\"down\"").contains("\"depth\":21");

        redis = startRedis(port);
        Await.until("spool replayed", Duration.ofSeconds(20), () -> {
            try {
                HttpResponse<String> now = gateway.get("/ready");
                return now.statusCode() == 200 && now.body().contains("\"status\":\"ready\"");
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(gateway.postTwilio(GatewayFixture.twilioSms("SMafter1", "+22376000003", "après")).statusCode())
                .isEqualTo(200);

        List<String> expected = new ArrayList<>();
        expected.add("SMbefore1");
        expected.addAll(acknowledged);
        expected.add("SMafter1");
        Await.until("every acknowledged alert in the stream", Duration.ofSeconds(10),
                () -> gateway.intakeEntries().size() >= expected.size());
        List<String> stored = gateway.intakeEntries().stream().map(e -> e.getBody().get("provider_id")).toList();
        assertThat(stored).containsExactlyElementsOf(expected);
        assertThat(gateway.get("/ready").body()).contains("\"depth\":0");
    }

    @Test
    void anOptOutDuringTheOutageIsRepliedAtOnceAndAppliedOnReplay() throws Exception {
        int port = FreePorts.next();
        redis = startRedis(port);
        gateway = new GatewayFixture(gatewayData, Map.of("KUNNAFONI_REDIS_URI", "redis://127.0.0.1:" + port),
                InstantSource.system());
        redis.stop();
        HttpResponse<String> response = gateway.postTwilio(GatewayFixture.twilioSms("SMstop1", "+22376000009", "ARRET"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Message>");
        redis = startRedis(port);
        Await.until("opt-out applied", Duration.ofSeconds(20), () -> {
            try {
                return !gateway.redis().keys("sub:{*}").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        String key = gateway.redis().keys("sub:{*}").stream().filter(k -> !k.contains(":history")
                && !k.contains(":seen")).findFirst().orElseThrow();
        Await.until("status written", Duration.ofSeconds(5), () -> "opted_out".equals(gateway.redis().hget(key, "status")));
    }
}
