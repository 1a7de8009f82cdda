package org.kunnafoni.store.cluster;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lettuce.core.Range;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.RedisClusterServers;
import org.kunnafoni.support.TwilioSigner;
import org.kunnafoni.support.TwilioStub;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gateway on a three-master Redis Cluster, driven at its HTTP boundary: signed alerts from several regions become
 * leads (merged across regions by a monitor, an urgent one escalated), keyword subscribers get a campaign through a
 * fake Twilio with status callbacks, and the keys really lie on more than one master.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** Noon in Bamako, moving forward in real time: outside quiet hours, and escalation delays still pass. */
    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    static Path dataDir;
    static RedisClusterServers cluster;
    static TwilioStub stub;
    static GatewayFixture gateway;
    static String supervisor;
    static String monitor;

    @BeforeAll
    static void start() throws Exception {
        cluster = RedisClusterServers.start(Path.of("target", "redis-cluster", UUID.randomUUID().toString()));
        stub = TwilioStub.accepting("SM33333333333333333333333333333333");
        long origin = System.nanoTime();
        InstantSource clock = () -> NOON.plusNanos(System.nanoTime() - origin);
        gateway = new GatewayFixture(dataDir, stub.gatewayEnv(Map.of("KUNNAFONI_REDIS_URI", cluster.uri(),
                "KUNNAFONI_REVIEW_ESCALATION_AFTER", "1s", "KUNNAFONI_CAMPAIGNS_SCHEDULER_INTERVAL", "100ms")), clock);
        String admin = login("admin", GatewayFixture.ADMIN_PASSWORD);
        createUser(admin, "sup-gao", "supervisor");
        createUser(admin, "mon-gao", "monitor");
        supervisor = login("sup-gao", "password-of-sup-gao");
        monitor = login("mon-gao", "password-of-mon-gao");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (stub != null) {
            stub.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void alertsFromSeveralRegionsBecomeLeadsAMonitorMergesAcrossRegions() throws Exception {
        String mopti = alert("+22376100001", "Des hommes armés ont enlevé deux enfants à Boni hier soir");
        String kidal = alert("+22376100002", "Des hommes armés ont enlevé deux enfants à Kidal hier soir");
        String gao = alert("+22376100003", "Un groupe armé recrute des enfants de 14 ans à Ansongo");
        assertThat(Set.of(mopti, kidal, gao).stream().map(RedisKeys::regionOf)).contains("mopti", "kidal", "gao");

        JsonObject list = ok(monitor, "GET", "/api/leads?limit=200", null, 200);
        assertThat(list.getJsonArray("leads").stream().map(o -> ((JsonObject) o).getString("id")))
                .contains(mopti, kidal, gao);
        JsonObject merged = ok(monitor, "POST", "/api/leads/" + mopti + "/merge",
                new JsonObject().put("from", kidal).put("note", "same armed group").encode(), 200);
        assertThat(merged.getInteger("report_count")).isEqualTo(2);
        assertThat(merged.getJsonArray("reports")).hasSize(2);
        assertThat(ok(monitor, "GET", "/api/leads/" + kidal, null, 200).getString("merged_into")).isEqualTo(mopti);
        assertThat(ok(monitor, "POST", "/api/leads/" + gao + "/transitions", "{\"to\":\"in_review\"}", 200)
                .getString("status")).isEqualTo("in_review");
    }

    @Test
    @Order(2)
    void anUrgentLeadNobodyOpensEscalates() throws Exception {
        String urgent = alert("+22376100004", "Des hommes armés tirent sur l'école de Tessit maintenant, "
                + "3 enfants blessés");
        Await.until("escalation of " + urgent, DEADLINE, () -> gateway.commands()
                .xrange(RedisKeys.ESCALATIONS, Range.create("-", "+")).stream()
                .anyMatch(e -> urgent.equals(e.getBody().get("lead_id"))));
    }

    @Test
    @Order(3)
    void keywordSubscribersInSeveralRegionsGetACampaignWithStatusCallbacks() throws Exception {
        Map<String, String> phones = Map.of("+22376200001", "ABONNER GAO FRA", "+22376200002", "ABONNER MOPTI FRA",
                "+22376200003", "ABONNER KIDAL FRA", "+22376200004", "ABONNER SIKASSO FRA");
        phones.forEach((phone, body) -> post(GatewayFixture.twilioSms("SMsub" + phone.substring(8), phone, body)));
        Await.until("four subscribers listed", DEADLINE, () -> subscriberCount() == 4);

        String campaign = "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},"
                + "\"regions\":[\"gao\",\"mopti\",\"kidal\"],\"languages\":[\"fra\"]}";
        HttpResponse<String> created = send(supervisor, "POST", "/api/campaigns", campaign);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new JsonObject(created.body()).getJsonObject("campaign").getString("id");
        Await.until("three messages sent", DEADLINE, () -> progress(id).getLong("sent") == 3);

        List<LoggedRequest> sent = stub.server().findAll(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES)));
        Set<String> to = new HashSet<>();
        for (LoggedRequest request : sent) {
            Map<String, String> form = form(request.getBodyAsString());
            to.add(form.get("To"));
            assertThat(statusCallback(form.get("StatusCallback"), form.get("To")).statusCode()).isEqualTo(200);
        }
        assertThat(to).containsExactlyInAnyOrder("+22376200001", "+22376200002", "+22376200003");
        Await.until("three delivered", DEADLINE, () -> progress(id).getLong("delivered") == 3);
    }

    @Test
    @Order(4)
    void keysLieOnMoreThanOneMaster() {
        long withKeys = IntStream.range(0, cluster.size()).filter(i -> cluster.node(i).dbsize() > 0).count();
        assertThat(withKeys).isGreaterThanOrEqualTo(2);
    }

    private static String alert(String from, String text) throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        assertThat(post(GatewayFixture.twilioSms(sid, from, text)).statusCode()).isEqualTo(200);
        String entry = gateway.intakeEntries().stream().filter(e -> sid.equals(e.getBody().get("provider_id")))
                .findFirst().orElseThrow().getId();
        Await.until("a lead for " + entry, DEADLINE,
                () -> !gateway.commands().keys("{leads:*}:report:" + entry).isEmpty());
        return gateway.commands().hget(gateway.commands().keys("{leads:*}:report:" + entry).get(0), "lead_id");
    }

    private static HttpResponse<String> post(Map<String, String> params) {
        try {
            return gateway.postTwilio(params);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> statusCallback(String callbackUrl, String to) throws Exception {
        String path = URI.create(callbackUrl).getRawPath() + "?" + URI.create(callbackUrl).getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM33333333333333333333333333333333");
        params.put("MessageStatus", "delivered");
        params.put("AccountSid", TwilioStub.ACCOUNT);
        params.put("To", to);
        params.put("From", "KUNNAFONI");
        String signature = TwilioSigner.sign(GatewayFixture.AUTH_TOKEN, callbackUrl, params);
        return gateway.postForm(path, params, Map.of("X-Twilio-Signature", signature));
    }

    private static int subscriberCount() {
        try {
            int count = 0;
            String cursor = null;
            do {
                JsonObject page = ok(supervisor, "GET", "/api/subscribers?limit=2"
                        + (cursor == null ? "" : "&cursor=" + cursor), null, 200);
                count += page.getJsonArray("subscribers").size();
                cursor = page.getString("next_cursor");
            } while (cursor != null);
            return count;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject progress(String id) {
        try {
            return ok(supervisor, "GET", "/api/campaigns/" + id, null, 200).getJsonObject("progress");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return gateway.send(method, path, body, "Authorization", "Bearer " + token);
    }

    private static JsonObject ok(String token, String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = send(token, method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(status);
        return new JsonObject(r.body());
    }

    private static String login(String user, String password) throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login",
                new JsonObject().put("username", user).put("password", password).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    private static void createUser(String admin, String name, String role) throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/users", new JsonObject().put("username", name)
                .put("password", "password-of-" + name).put("role", role).encode(), "Authorization", "Bearer " + admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
}
