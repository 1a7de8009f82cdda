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

    /** Redis on a free port and a gateway using it; returns the port, to start Redis again on it. */
    private int startRedisAndGateway() throws Exception {
        int port = FreePorts.next();
        redis = startRedis(port);
        gateway = new GatewayFixture(gatewayData, Map.of("KUNNAFONI_REDIS_URI", "redis://127.0.0.1:" + port),
                InstantSource.system());
        return port;
    }

    private boolean ready() {
        try {
            HttpResponse<String> now = gateway.get("/ready");
            return now.statusCode() == 200 && now.body().contains("\"status\":\"ready\"");
        } catch (Exception e) {
            return false;
        }
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
        int port = startRedisAndGateway();
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
        Await.until("spool replayed", Duration.ofSeconds(20), this::ready);
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
        int port = startRedisAndGateway();
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

    /**
     * Senders keep texting while Redis comes back: intake must get back to Redis (ready, empty spool) while they still
     * text, not only once they stop, and every acknowledged alert is stored once, in each sender's order.
     */
    @Test
    void intakeLeavesTheSpoolWhileAlertsKeepComing() throws Exception {
        int port = startRedisAndGateway();
        redis.stop();
        java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<List<String>> acknowledged = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            List<String> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            acknowledged.add(mine);
            String sender = "+2237600010" + s;
            Thread thread = new Thread(() -> {
                for (int i = 0; sending.get(); i++) {
                    String sid = "SMload" + sender.substring(sender.length() - 1) + "n" + i;
                    try {
                        if (gateway.postTwilio(GatewayFixture.twilioSms(sid, sender, "alerte " + i)).statusCode() == 200) {
                            mine.add(sid);
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            senders.add(thread);
            thread.start();
        }
        try {
            Await.until("alerts spooled during the outage", Duration.ofSeconds(20),
                    () -> acknowledged.stream().mapToInt(List::size).sum() >= 200);
            redis = startRedis(port);
            Await.until("back on Redis while the senders still text", Duration.ofSeconds(20), this::ready);
            int atReady = acknowledged.stream().mapToInt(List::size).sum();
            Await.until("alerts keep coming after the switch", Duration.ofSeconds(20),
                    () -> acknowledged.stream().mapToInt(List::size).sum() >= atReady + 100);
            assertThat(gateway.get("/ready").body()).as("no new spooling under the same load").contains("\"depth\":0");
        } finally {
            sending.set(false);
            for (Thread thread : senders) {
                thread.join(10_000);
            }
        }
        int total = acknowledged.stream().mapToInt(List::size).sum();
        Await.until("every acknowledged alert in the stream", Duration.ofSeconds(20),
                () -> gateway.intakeEntries().size() >= total);
        List<String> stored = gateway.intakeEntries().stream().map(e -> e.getBody().get("provider_id")).toList();
        assertThat(stored).hasSize(total).doesNotHaveDuplicates();
        for (List<String> mine : acknowledged) {
            assertThat(stored.stream().filter(mine::contains).toList()).as("one sender's alerts, in order")
                    .containsExactlyElementsOf(mine);
        }
    }
}
