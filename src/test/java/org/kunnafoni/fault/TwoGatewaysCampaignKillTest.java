package org.kunnafoni.fault;

import io.lettuce.core.models.stream.PendingMessages;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway processes on one Redis run one awareness campaign (shared scheduler claim, dispatch consumer group,
 * rate limit). One is killed with SIGKILL mid-campaign while its dispatch worker holds entries: the survivor takes
 * over its run and its entries when the leases end, every subscriber gets the message, and at most the killed
 * worker's in-flight window (dispatch.workers x dispatch.batch) is sent twice.
 */
class TwoGatewaysCampaignKillTest {
    private static final int SUBSCRIBERS = 200;
    private static final int IN_FLIGHT_WINDOW = 1 * 8;
    private static final String CAMPAIGN = "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},"
            + "\"regions\":[\"gao\"],\"languages\":[\"fra\"]}";

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void killingOneOfTwoGatewaysMidCampaignReachesEveryoneWithAtMostTheInFlightWindowTwice() throws Exception {
        SharedRedis redis = new SharedRedis(FreePorts.next(), Files.createDirectories(dir.resolve("redis")));
        open.add(redis);
        SwitchableTwilio twilio = new SwitchableTwilio();
        open.add(twilio);
        Map<String, String> env = new HashMap<>(twilio.gatewayEnv());
        env.putAll(Map.of("KUNNAFONI_REDIS_URI", redis.uri(),
                "KUNNAFONI_DATA_KEY", newDataKey(),
                "KUNNAFONI_ADMIN_PASSWORD", GatewayFixture.ADMIN_PASSWORD,
                "KUNNAFONI_AUTH_BCRYPT_COST", "4",
                "KUNNAFONI_TRIAGE_WORKERS", "0",
                "KUNNAFONI_DISPATCH_QUIET_HOURS", "00:00-00:00",
                "KUNNAFONI_DISPATCH_SEGMENTS_PER_SECOND", "20",
                "KUNNAFONI_DISPATCH_BURST_SEGMENTS", "1"));
        env.putAll(Map.of("KUNNAFONI_DISPATCH_LEASE", "10s", "KUNNAFONI_DISPATCH_RECLAIM_IDLE", "10s",
                "KUNNAFONI_CAMPAIGNS_CLAIM_LEASE", "10s", "KUNNAFONI_CAMPAIGNS_SCHEDULER_INTERVAL", "200ms",
                "KUNNAFONI_CAMPAIGNS_FANOUT_PAGE", "10", "KUNNAFONI_HTTP_INSTANCES", "1"));
        // a 10 s lease needs Twilio calls shorter than it (2 × connect + request; the fake answers at once)
        env.putAll(Map.of("KUNNAFONI_TWILIO_CONNECT_TIMEOUT", "1s", "KUNNAFONI_TWILIO_REQUEST_TIMEOUT", "5s"));
        GatewayProcess a = gateway("a", env);
        GatewayProcess b = gateway("b", env);

        Set<String> phones = IntStream.range(0, SUBSCRIBERS).mapToObj(i -> String.format("+2237700%04d", i))
                .collect(Collectors.toSet());
        int n = 0;
        for (String phone : phones) {
            GatewayProcess via = n++ % 2 == 0 ? a : b;
            assertThat(via.postTwilio(GatewayFixture.twilioSms("SMsub" + phone.substring(1), phone, "ABONNER GAO FRA"))
                    .statusCode()).isEqualTo(200);
        }
        String token = login(b);
        HttpResponse<String> created = a.send("POST", "/api/campaigns", CAMPAIGN, "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String campaign = new JsonObject(created.body()).getJsonObject("campaign").getString("id");

        Await.until("a quarter of the campaign sent", Duration.ofSeconds(60),
                () -> twilio.accepted() >= SUBSCRIBERS / 4);
        String consumerOfA = "-" + a.pid() + "-";
        long pendingAtKill = freezeWhileHolding(a, redis, consumerOfA);
        int acceptedAtKill = twilio.accepted();
        long killedAt = System.nanoTime();
        a.kill();
        Await.until("every subscriber reached", Duration.ofSeconds(120),
                () -> twilio.acceptedByRecipient().keySet().containsAll(phones));
        long recoveredNanos = System.nanoTime() - killedAt;
        Await.until("the campaign done with nothing pending", Duration.ofSeconds(60), () -> {
            JsonObject view = view(b, token, campaign);
            return "done".equals(view.getString("status")) && view.getJsonObject("progress").getLong("pending") == 0;
        });
        JsonObject progress = view(b, token, campaign).getJsonObject("progress");
        int duplicates = twilio.duplicateSends();
        new FaultReport("two_gateways_kill_during_campaign",
                "SIGKILL one of two gateways on one Redis mid-campaign, its dispatch worker holding entries")
                .put("subscribers", SUBSCRIBERS)
                .put("sent_before_kill", acceptedAtKill)
                .put("pending_of_killed_worker_at_kill", pendingAtKill)
                .put("accepted_sends", twilio.accepted())
                .put("recipients_reached", twilio.acceptedByRecipient().size())
                .put("duplicate_sends", duplicates)
                .put("in_flight_window", IN_FLIGHT_WINDOW)
                .put("progress_sent", progress.getLong("sent"))
                .put("progress_failed", progress.getLong("failed"))
                .put("lease_and_reclaim_idle_s", 10)
                .put("everyone_reached_after_kill_s", FaultReport.seconds(recoveredNanos))
                .write();
        assertThat(pendingAtKill).as("the kill caught dispatch entries in flight").isPositive();
        assertThat(twilio.acceptedByRecipient().keySet()).containsExactlyInAnyOrderElementsOf(phones);
        assertThat(duplicates).as("at most the in-flight window sent twice").isLessThanOrEqualTo(IN_FLIGHT_WINDOW);
        assertThat(twilio.acceptedByDispatch().values()).as("nothing sent three times").allMatch(c -> c <= 2);
        assertThat(progress.getLong("sent")).isEqualTo(SUBSCRIBERS);
        assertThat(progress.getLong("failed")).isZero();
    }

    private GatewayProcess gateway(String name, Map<String, String> env) throws Exception {
        GatewayProcess process = GatewayProcess.start(Files.createDirectories(dir.resolve(name)), FreePorts.next(),
                env, List.of(), dir.resolve(name + ".log"));
        open.add(process);
        return process;
    }

    private static String newDataKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String login(GatewayProcess gateway) throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    private static JsonObject view(GatewayProcess gateway, String token, String campaign) {
        try {
            return new JsonObject(gateway.send("GET", "/api/campaigns/" + campaign, null,
                    "Authorization", "Bearer " + token).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Freezes the process (SIGSTOP) at a moment its dispatch worker holds entries it has not acknowledged. */
    private static long freezeWhileHolding(GatewayProcess gateway, SharedRedis redis, String consumer) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Signals.send("STOP", gateway.pid());
            PendingMessages summary = redis.commands().xpending(RedisKeys.DISPATCH_STREAM, RedisKeys.DISPATCH_GROUP);
            long pending = summary.getConsumerMessageCount().entrySet().stream()
                    .filter(e -> e.getKey().contains(consumer)).mapToLong(Map.Entry::getValue).sum();
            if (pending > 0) {
                return pending;
            }
            Signals.send("CONT", gateway.pid());
            Thread.sleep(5);
        }
        throw new AssertionError("the gateway's dispatch worker never held a pending entry");
    }
}
