package org.kunnafoni.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioStub;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign's channel at the HTTP boundary: a relay campaign's messages wait in the named phone's outbox, the
 * phone takes them with {@code task=send}, confirms them with {@code task=sent} and reports results, and the
 * campaign's progress follows; Twilio is never called. Bad channel choices are refused with the choices listed.
 */
class CampaignChannelTest {
    private static final String MOPTI = "phone-mopti-1";
    private static final String MOPTI_SECRET = "relay-secret-mopti-0001";
    private static final String GAO_SECRET = GatewayFixture.RELAY_SECRET;
    private static final String BODY = "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},"
            + "\"regions\":[\"gao\",\"mopti\"],\"languages\":[\"fra\"]";

    @TempDir
    static Path dataDir;
    static TwilioStub stub;
    static GatewayFixture gateway;
    static String supervisor;

    @BeforeAll
    static void start() throws Exception {
        stub = TwilioStub.accepting("SM33333333333333333333333333333333");
        // two phones with secrets, no routing: a relay campaign must name its phone
        gateway = new GatewayFixture(dataDir, stub.gatewayEnv(Map.of(
                "KUNNAFONI_RELAY_SECRETS", GatewayFixture.RELAY_DEVICE + "=" + GAO_SECRET + "," + MOPTI + "="
                        + MOPTI_SECRET,
                "KUNNAFONI_RELAY_BATCH", "50",
                "KUNNAFONI_CAMPAIGNS_SCHEDULER_INTERVAL", "100ms")),
                InstantSource.fixed(Instant.parse("2026-11-30T12:00:00Z")));
        String admin = ApiAuthTest.loginWith(gateway, "admin", GatewayFixture.ADMIN_PASSWORD);
        ApiAuthTest.createUserWith(gateway, admin, "sup-relay", "supervisor");
        supervisor = ApiAuthTest.loginWith(gateway, "sup-relay", "password-of-sup-relay");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        stub.close();
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return gateway.send(method, path, body, "Authorization", "Bearer " + supervisor);
    }

    private static String relay(String task, String device, String secret) {
        return "/channels/relay?task=" + task + "&device_id=" + device + "&secret=" + secret;
    }

    private static JsonObject progress(String id) {
        try {
            return new JsonObject(api("GET", "/api/campaigns/" + id, null).body()).getJsonObject("progress");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRelayCampaignGoesThroughTheNamedPhonesOutbox() throws Exception {
        for (String[] s : List.of(new String[]{"+22376100001", "gao"}, new String[]{"+22376100002", "mopti"})) {
            HttpResponse<String> r = api("POST", "/api/subscribers", new JsonObject().put("phone", s[0])
                    .put("region", s[1]).put("language", "fra").encode());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        String request = BODY + ",\"channel\":\"relay\",\"device\":\"" + MOPTI + "\"}";
        assertThat(api("POST", "/api/campaigns/preview", request).statusCode()).isEqualTo(200);
        HttpResponse<String> created = api("POST", "/api/campaigns", request);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject campaign = new JsonObject(created.body()).getJsonObject("campaign");
        assertThat(campaign.getString("channel")).isEqualTo("relay");
        assertThat(campaign.getString("device")).isEqualTo(MOPTI);
        String id = campaign.getString("id");
        JsonObject shown = new JsonObject(api("GET", "/api/campaigns/" + id, null).body());
        assertThat(shown.getString("channel")).isEqualTo("relay");
        assertThat(shown.getString("device")).isEqualTo(MOPTI);

        // both recipients (gao's too) wait in the named phone's outbox
        AtomicReference<JsonArray> messages = new AtomicReference<>(new JsonArray());
        Await.until("two messages handed to the phone", Duration.ofSeconds(30), () -> {
            JsonArray got = poll(MOPTI, MOPTI_SECRET);
            got.forEach(m -> messages.get().add(m));
            return messages.get().size() >= 2;
        });
        assertThat(messages.get().stream().map(m -> ((JsonObject) m).getString("to")))
                .containsExactlyInAnyOrder("+22376100001", "+22376100002");
        assertThat(messages.get().stream().map(m -> ((JsonObject) m).getString("message")))
                .allSatisfy(text -> assertThat(text).contains("36000"));
        assertThat(poll(GatewayFixture.RELAY_DEVICE, GAO_SECRET)).as("not the other phone's").isEmpty();
        Await.until("counted as handed over", Duration.ofSeconds(10),
                () -> progress(id).getJsonObject("by_state").getLong("accepted") == 2);

        JsonArray uuids = new JsonArray(messages.get().stream().map(m -> ((JsonObject) m).getString("uuid")).toList());
        HttpResponse<String> confirmed = gateway.send("POST", relay("sent", MOPTI, MOPTI_SECRET),
                new JsonObject().put("queued_messages", uuids).encode());
        assertThat(new JsonObject(confirmed.body()).getJsonArray("message_uuids").getList())
                .containsExactlyInAnyOrderElementsOf(uuids.getList());
        report(uuids, -1, 0);
        assertThat(progress(id).getJsonObject("by_state").getLong("sent")).isEqualTo(2);
        report(uuids, -1, -1);
        JsonObject done = progress(id);
        assertThat(done.getLong("delivered")).isEqualTo(2);
        assertThat(done.getLong("pending")).isZero();
        stub.server().verify(0, postRequestedFor(urlEqualTo(TwilioStub.MESSAGES)));
    }

    private static JsonArray poll(String device, String secret) {
        HttpResponse<String> r;
        try {
            r = gateway.get(relay("send", device, secret));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonObject("payload").getJsonArray("messages");
    }

    private static void report(JsonArray uuids, int sent, int delivered) throws Exception {
        JsonArray results = new JsonArray();
        uuids.forEach(u -> results.add(new JsonObject().put("uuid", u).put("sent_result_code", sent)
                .put("sent_result_message", "SMSSync Message Sent").put("delivered_result_code", delivered)
                .put("delivered_result_message", delivered == -1 ? "SMS delivered" : "")));
        HttpResponse<String> r = gateway.send("POST", relay("result", MOPTI, MOPTI_SECRET),
                new JsonObject().put("message_result", results).encode());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "\"channel\":\"sms-gateway\"                         | unknown channel 'sms-gateway' (choices: [twilio, relay])",
            "\"channel\":7                                       | unknown channel '7' (choices: [twilio, relay])",
            "\"channel\":\"relay\"                               | channel relay needs a relay phone: name a device (configured: [phone-gao-1, phone-mopti-1])",
            "\"channel\":\"relay\",\"device\":\"phone-kayes-9\"  | unknown relay device 'phone-kayes-9' (configured: [phone-gao-1, phone-mopti-1])",
            "\"channel\":\"twilio\",\"device\":\"phone-gao-1\"   | device is only for channel relay",
            "\"device\":\"phone-gao-1\"                          | device is only for channel relay",
    })
    void aBadChannelIsRefusedAndNothingIsCreated(String fields, String error) throws Exception {
        int before = new JsonObject(api("GET", "/api/campaigns", null).body()).getJsonArray("campaigns").size();
        for (String path : List.of("/api/campaigns/preview", "/api/campaigns")) {
            HttpResponse<String> r = api("POST", path, BODY + "," + fields + "}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(new JsonObject(r.body()).getJsonArray("errors").getList()).anySatisfy(e ->
                    assertThat(e.toString()).startsWith(error));
        }
        assertThat(new JsonObject(api("GET", "/api/campaigns", null).body()).getJsonArray("campaigns")).hasSize(before);
    }

    @Test
    void twilioStaysTheDefault() throws Exception {
        HttpResponse<String> created = api("POST", "/api/campaigns", BODY
                + ",\"schedule\":{\"at\":\"2026-12-01T09:00:00Z\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject campaign = new JsonObject(created.body()).getJsonObject("campaign");
        assertThat(campaign.getString("channel")).isEqualTo("twilio");
        assertThat(campaign.containsKey("device")).isFalse();
    }
}
