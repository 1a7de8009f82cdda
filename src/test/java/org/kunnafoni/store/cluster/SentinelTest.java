package org.kunnafoni.store.cluster;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.EmbeddedRedis;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.support.GatewayFixture;
import redis.embedded.RedisSentinel;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A gateway that finds its Redis through a Sentinel ({@code redis-sentinel://…#master}) stores an alert and reads it back. */
class SentinelTest {
    private static final String MASTER = "kunnafoni";

    @TempDir
    static Path dataDir;
    static EmbeddedRedis master;
    static RedisSentinel sentinel;
    static GatewayFixture gateway;

    @BeforeAll
    static void start() throws Exception {
        master = EmbeddedRedis.start(dataDir.resolve("master"), FreePorts.next(), "no");
        int sentinelPort = FreePorts.next();
        sentinel = RedisSentinel.newRedisSentinel().bind("127.0.0.1").port(sentinelPort).masterPort(master.port())
                .masterName(MASTER).quorumSize(1).soutListener(line -> { }).serrListener(line -> { }).build();
        sentinel.start();
        gateway = new GatewayFixture(dataDir.resolve("gateway"), Map.of("KUNNAFONI_REDIS_URI",
                "redis-sentinel://127.0.0.1:" + sentinelPort + "#" + MASTER), InstantSource.system());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (sentinel != null) {
            sentinel.stop();
        }
        if (master != null) {
            master.close();
        }
    }

    @Test
    void anAlertIsStoredOnTheMasterAndReadBackAsALead() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> answer = gateway.postTwilio(GatewayFixture.twilioSms(sid, "+22376300001",
                "Des hommes armés ont enlevé deux enfants à Boni hier soir"));
        assertThat(answer.statusCode()).isEqualTo(200);
        String entry = gateway.intakeEntries().stream().filter(e -> sid.equals(e.getBody().get("provider_id")))
                .findFirst().orElseThrow().getId();
        String report = RedisKeys.leadReport("mopti", entry);
        Await.until("a lead for " + entry, Duration.ofSeconds(30), () -> gateway.redis().exists(report) == 1);
        String lead = gateway.redis().hget(report, "lead_id");

        String token = new JsonObject(gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode()).body()).getString("token");
        HttpResponse<String> read = gateway.send("GET", "/api/leads/" + lead, null, "Authorization", "Bearer " + token);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(new JsonObject(read.body()).getString("region")).isEqualTo("mopti");
        try (var direct = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + master.port()).connect()) {
            assertThat(direct.sync().exists(RedisKeys.lead(lead))).as("written on the master Sentinel names").isEqualTo(1);
        }
    }
}
