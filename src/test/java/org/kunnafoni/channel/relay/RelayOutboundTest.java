package org.kunnafoni.channel.relay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDispatchQueue;
import org.kunnafoni.store.RedisDispatchStore;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outbound SMS through relay phones at the HTTP boundary: a dispatch for channel relay waits in the outbox of the
 * phone of its region, the phone polls (task=send), confirms (task=sent) and reports results (task=result), and
 * the dispatch moves forward; unconfirmed messages are handed out again after their lease, then given up.
 */
class RelayOutboundTest {
    private static final String GAO = GatewayFixture.RELAY_DEVICE;
    private static final String MOPTI = "phone-mopti-1";
    private static final String MOPTI_SECRET = "relay-secret-mopti-0001";
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Instant NOON_IN_BAMAKO = Instant.parse("2026-11-30T12:00:00Z");
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(NOON_IN_BAMAKO);

    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static RedisConnector redis;
    static RedisDispatchStore store;
    static RedisDispatchQueue queue;

    @BeforeAll
    static void start() throws Exception {
        gateway = new GatewayFixture(dataDir, Map.of(
                "KUNNAFONI_RELAY_SECRETS", GAO + "=" + GatewayFixture.RELAY_SECRET + "," + MOPTI + "=" + MOPTI_SECRET,
                "KUNNAFONI_RELAY_DEVICE_FOR_REGION", "mopti=" + MOPTI,
                "KUNNAFONI_RELAY_DEFAULT_DEVICE", GAO,
                "KUNNAFONI_RELAY_BATCH", "50",
                "KUNNAFONI_RELAY_LEASE", LEASE.toSeconds() + "s",
                "KUNNAFONI_RELAY_MAX_HANDOUTS", "2"), NOW::get);
        redis = new RedisConnector(gateway.gateway().redisUri(), Duration.ofSeconds(2));
        store = new RedisDispatchStore(redis);
        queue = new RedisDispatchQueue(redis, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        queue.close();
        redis.close();
        gateway.close();
    }

    @Test
    void pollConfirmAndResultsDeliverTheDispatch() throws Exception {
        Dispatch d = queued("+22376555101", "ABONNER GAO FRA", "SMrelayOut1", "gao",
                "Les écoles sont des lieux sûrs.");

        JsonObject poll = json(gateway.get(task("send", GAO, GatewayFixture.RELAY_SECRET)), 200);
        assertThat(poll.getJsonObject("payload").getString("task")).isEqualTo("send");
        assertThat(poll.getJsonObject("payload").getString("secret")).isEqualTo(GatewayFixture.RELAY_SECRET);
        JsonObject message = messageFor(poll, d.id()).orElseThrow();
        assertThat(message.getString("to")).isEqualTo("+22376555101");
        assertThat(message.getString("message")).isEqualTo("Les écoles sont des lieux sûrs.");

        String confirmation = new JsonObject().put("queued_messages", new JsonArray().add(d.id()).add("D-not-ours"))
                .encode();
        for (int i = 0; i < 2; i++) { // a repeated confirmation is harmless
            JsonObject accepted = json(post("sent", GAO, GatewayFixture.RELAY_SECRET, confirmation), 200);
            assertThat(accepted.getJsonArray("message_uuids").getList()).containsExactly(d.id());
            assertThat(stateOf(d)).isEqualTo(DispatchState.ACCEPTED);
        }
        NOW.set(NOW.get().plus(LEASE.multipliedBy(2)));
        assertThat(messageFor(json(gateway.get(task("send", GAO, GatewayFixture.RELAY_SECRET)), 200), d.id()))
                .as("a confirmed message is never handed out again").isEmpty();

        assertThat(askedResults(GAO, GatewayFixture.RELAY_SECRET)).contains(d.id());
        report(GAO, GatewayFixture.RELAY_SECRET, d.id(), -1, 0, "");
        assertThat(stateOf(d)).isEqualTo(DispatchState.SENT);
        report(GAO, GatewayFixture.RELAY_SECRET, d.id(), -1, -1, "SMS delivered");
        assertThat(stateOf(d)).isEqualTo(DispatchState.DELIVERED);
        report(GAO, GatewayFixture.RELAY_SECRET, d.id(), -1, 0, "");
        assertThat(stateOf(d)).as("forward only").isEqualTo(DispatchState.DELIVERED);
        assertThat(askedResults(GAO, GatewayFixture.RELAY_SECRET)).doesNotContain(d.id());
    }

    @Test
    void theRegionsPhoneSendsAndOnlyItCanReportOnTheMessage() throws Exception {
        Dispatch d = queued("+22376555102", "ABONNER MOPTI FRA", "SMrelayOut2", "mopti", "Message pour Mopti");

        assertThat(messageFor(json(gateway.get(task("send", GAO, GatewayFixture.RELAY_SECRET)), 200), d.id())).isEmpty();
        // SMSSync may poll without device_id: the secret alone names the phone
        JsonObject poll = json(gateway.get("/channels/relay?task=send&secret=" + MOPTI_SECRET), 200);
        assertThat(messageFor(poll, d.id())).isPresent();
        String confirmation = new JsonObject().put("queued_messages", new JsonArray().add(d.id())).encode();
        assertThat(json(post("sent", GAO, GatewayFixture.RELAY_SECRET, confirmation), 200)
                .getJsonArray("message_uuids").getList()).as("another phone cannot confirm it").isEmpty();
        assertThat(json(post("sent", MOPTI, MOPTI_SECRET, confirmation), 200).getJsonArray("message_uuids").getList())
                .containsExactly(d.id());

        report(GAO, GatewayFixture.RELAY_SECRET, d.id(), 1, 0, "");
        assertThat(stateOf(d)).as("another phone's result is ignored").isEqualTo(DispatchState.ACCEPTED);
        report(MOPTI, MOPTI_SECRET, d.id(), 2, 0, "");
        Dispatch failed = store.find(d.id()).toCompletableFuture().get().orElseThrow();
        assertThat(failed.state()).isEqualTo(DispatchState.FAILED);
        assertThat(failed.lastError()).contains("relay phone: radio off");
    }

    @Test
    void anUnconfirmedMessageIsHandedOutAgainAfterItsLeaseThenGivenUp() throws Exception {
        Dispatch d = queued("+22376555103", "ABONNER GAO BAM", "SMrelayOut3", "gao", "Kunnafoni");
        String poll = task("send", GAO, GatewayFixture.RELAY_SECRET);

        assertThat(messageFor(json(gateway.get(poll), 200), d.id())).isPresent();
        assertThat(messageFor(json(gateway.get(poll), 200), d.id())).as("leased").isEmpty();
        NOW.set(NOW.get().plus(LEASE).plusSeconds(1));
        assertThat(messageFor(json(gateway.get(poll), 200), d.id())).as("lease over: handed out again").isPresent();
        NOW.set(NOW.get().plus(LEASE).plusSeconds(1));
        assertThat(messageFor(json(gateway.get(poll), 200), d.id())).as("max hand-outs reached").isEmpty();
        Dispatch failed = store.find(d.id()).toCompletableFuture().get().orElseThrow();
        assertThat(failed.state()).isEqualTo(DispatchState.FAILED);
        assertThat(failed.lastError()).contains("relay phone never confirmed it");
        String late = new JsonObject().put("queued_messages", new JsonArray().add(d.id())).encode();
        assertThat(json(post("sent", GAO, GatewayFixture.RELAY_SECRET, late), 200).getJsonArray("message_uuids")
                .getList()).as("a given-up message is not accepted any more").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', value = {
            "GET  | /channels/relay?task=send&device_id=phone-gao-1&secret=wrong-secret-00001 |          | 403",
            "GET  | /channels/relay?task=send&device_id=phone-gao-1                            |          | 403",
            "GET  | /channels/relay?task=send&device_id=phone-kayes-9&secret=relay-secret-gao-0001 |     | 403",
            "POST | /channels/relay?task=sent&device_id=phone-gao-1&secret=wrong-secret-00001 | {\"queued_messages\":[]} | 403",
            "POST | /channels/relay?task=sent&device_id=phone-gao-1&secret=relay-secret-gao-0001 | {not json | 400",
            "POST | /channels/relay?task=sent&device_id=phone-gao-1&secret=relay-secret-gao-0001 | [1,2]     | 400",
            "POST | /channels/relay?task=sent&device_id=phone-gao-1&secret=relay-secret-gao-0001 | {\"queued\":[]} | 400",
            "POST | /channels/relay?task=result&device_id=phone-gao-1&secret=relay-secret-gao-0001 | {\"message_result\":{}} | 400",
            "POST | /channels/relay?task=result&device_id=phone-gao-1&secret=relay-secret-gao-0001 | {\"message_result\":[{\"uuid\":\"D-unknown\",\"sent_result_code\":-1}]} | 200",
            "GET  | /channels/relay?task=sent&device_id=phone-gao-1&secret=relay-secret-gao-0001 |          | 400",
            "GET  | /channels/relay?task=reboot&device_id=phone-gao-1&secret=relay-secret-gao-0001 |        | 400",
            "GET  | /channels/relay                                                                |          | 400",
            "POST | /channels/relay?task=send&device_id=phone-gao-1&secret=relay-secret-gao-0001 | {\"secret\":\"x\"} | 200",
    })
    void rejectsWhatIsNotAnAuthenticatedWellFormedTask(String method, String path, String body, int status)
            throws Exception {
        HttpResponse<String> response = gateway.send(method, path, body);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        JsonObject answer = new JsonObject(response.body());
        if (status != 200) {
            assertThat(answer.getJsonObject("payload").getBoolean("success")).isFalse();
        }
    }

    @Test
    void theInboundMessagePostStillWorks() throws Exception {
        HttpResponse<String> response = gateway.postForm("/channels/relay",
                GatewayFixture.relayPost("relay-out-inbound-1", "76123456", "alerte"), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getJsonObject("payload").getBoolean("success")).isTrue();
    }

    private static Dispatch queued(String phone, String subscribe, String sid, String region, String text)
            throws Exception {
        gateway.postTwilio(GatewayFixture.twilioSms(sid, phone, subscribe));
        String marker = "marker " + sid;
        gateway.postTwilio(GatewayFixture.twilioSms(sid + "m", phone, marker));
        String pseudonym = gateway.intakeEntries().stream().filter(e -> marker.equals(e.getBody().get("body")))
                .findFirst().orElseThrow().getBody().get("reporter");
        Dispatch d = Dispatch.planned("run-relay-" + sid, pseudonym, Optional.of(region), "relay", "relay", text,
                NOW.get());
        assertThat(store.create(d).toCompletableFuture().get()).isTrue();
        queue.enqueue(d.id()).toCompletableFuture().get();
        Await.until("queued for the phone", Duration.ofSeconds(20), () -> stateOf(d) == DispatchState.ACCEPTED);
        return d;
    }

    private static String task(String task, String device, String secret) {
        return "/channels/relay?task=" + task + "&device_id=" + device + "&secret=" + secret;
    }

    private static HttpResponse<String> post(String task, String device, String secret, String body) throws Exception {
        return gateway.send("POST", task(task, device, secret), body);
    }

    private static List<Object> askedResults(String device, String secret) throws Exception {
        return json(gateway.get(task("result", device, secret)), 200).getJsonArray("message_uuids").getList();
    }

    private static void report(String device, String secret, String uuid, int sent, int delivered, String message)
            throws Exception {
        JsonObject result = new JsonObject().put("uuid", uuid).put("sent_result_code", sent)
                .put("sent_result_message", sent == -1 ? "SMSSync Message Sent" : "failed")
                .put("delivered_result_code", delivered).put("delivered_result_message", message);
        String body = new JsonObject().put("message_result", new JsonArray().add(result)).encode();
        assertThat(post("result", device, secret, body).statusCode()).isEqualTo(200);
    }

    private static Optional<JsonObject> messageFor(JsonObject poll, String uuid) {
        JsonArray messages = poll.getJsonObject("payload").getJsonArray("messages");
        for (int i = 0; i < messages.size(); i++) {
            if (uuid.equals(messages.getJsonObject(i).getString("uuid"))) {
                return Optional.of(messages.getJsonObject(i));
            }
        }
        return Optional.empty();
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return new JsonObject(response.body());
    }

    private static DispatchState stateOf(Dispatch d) {
        try {
            return store.find(d.id()).toCompletableFuture().get().orElseThrow().state();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
