package org.kunnafoni.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioStub;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Radio end to end through the gateway and a fake Twilio, clock pinned on Monday noon in Bamako: partners are
 * created with a one-time token, a campaign notifies each station by SMS, each token sees only its own scripts,
 * and a broadcast is confirmed by SMS only from the station's registered number.
 */
class RadioApiTest {
    private static final String ACCOUNT = TwilioStub.ACCOUNT;
    private static final String MESSAGES = TwilioStub.MESSAGES;
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    static Path dataDir;
    static TwilioStub stub;
    static WireMockServer twilio;
    static GatewayFixture gateway;
    static String supervisor;
    static String monitor;

    @BeforeAll
    static void start() throws Exception {
        stub = TwilioStub.accepting("SM33333333333333333333333333333333");
        twilio = stub.server();
        gateway = new GatewayFixture(dataDir, stub.gatewayEnv(Map.of("KUNNAFONI_INTAKE_HOTLINE", "36000")),
                InstantSource.fixed(MONDAY_NOON));
        String admin = ApiAuthTest.loginWith(gateway, "admin", GatewayFixture.ADMIN_PASSWORD);
        ApiAuthTest.createUserWith(gateway, admin, "sup-radio", "supervisor");
        ApiAuthTest.createUserWith(gateway, admin, "mon-radio", "monitor");
        supervisor = ApiAuthTest.loginWith(gateway, "sup-radio", "password-of-sup-radio");
        monitor = ApiAuthTest.loginWith(gateway, "mon-radio", "password-of-mon-radio");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        stub.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return gateway.send(method, path, body, "Authorization", "Bearer " + token);
    }

    private static JsonObject partner(String station, String number, String language) throws Exception {
        String body = new JsonObject().put("station", station).put("regions", new JsonArray().add("gao"))
                .put("languages", new JsonArray().add(language)).put("numbers", new JsonArray().add(number))
                .put("slots", new JsonArray().add(new JsonObject().put("day", "wednesday").put("start", "19:00")
                        .put("minutes", 10))).encode();
        HttpResponse<String> r = send("POST", "/api/partners", body, supervisor);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body());
    }

    @Test
    void radioCampaignFromPartnersToConfirmations() throws Exception {
        assertThat(send("GET", "/api/partners", null, monitor).statusCode()).isEqualTo(403);
        JsonObject a = partner("Radio Annour <Gao>", "+22376100001", "fra");
        JsonObject b = partner("Radio Tahanint", "+22376100002", "bam");
        String tokenA = a.getString("token");
        String tokenB = b.getString("token");
        assertThat(send("GET", "/api/partners", null, supervisor).body()).doesNotContain(tokenA, "76100001");

        String campaign = "{\"topic\":\"mines_explosive_remnants\",\"regions\":[\"gao\"],\"languages\":[\"fra\",\"bam\"],"
                + "\"from\":\"2026-11-30\",\"to\":\"2026-12-13\"}";
        HttpResponse<String> preview = send("POST", "/api/radio/campaigns/preview", campaign, supervisor);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(new JsonObject(preview.body()).getInteger("broadcasts")).as(preview.body()).isEqualTo(4);
        assertThat(preview.body()).doesNotContain("no script in bam");
        HttpResponse<String> created = send("POST", "/api/radio/campaigns", campaign, supervisor);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String campaignId = new JsonObject(created.body()).getJsonObject("campaign").getString("id");

        Await.until("four notifications sent", Duration.ofSeconds(30),
                () -> twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size() == 4);
        List<String> sms = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(LoggedRequest::getBodyAsString).map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        assertThat(sms).allMatch(s -> s.contains("DIFF ")).anyMatch(s -> s.contains("To=+22376100002"));

        JsonArray scriptsOfA = new JsonObject(gateway.send("GET", "/partner/scripts", null,
                "Authorization", "Bearer " + tokenA).body()).getJsonArray("scripts");
        JsonArray scriptsOfB = new JsonObject(gateway.send("GET", "/partner/scripts", null,
                "Authorization", "Bearer " + tokenB).body()).getJsonArray("scripts");
        assertThat(scriptsOfA).hasSize(2);
        assertThat(scriptsOfB).hasSize(2);
        String aScript = scriptsOfA.getJsonObject(0).getString("id");
        String aCode = scriptsOfA.getJsonObject(0).getString("code");
        String bScript = scriptsOfB.getJsonObject(0).getString("id");

        // scoping: A cannot read or confirm B's script; no token, no access
        assertThat(gateway.send("GET", "/partner/scripts/" + bScript, null, "Authorization", "Bearer " + tokenA)
                .statusCode()).isEqualTo(404);
        assertThat(gateway.send("POST", "/partner/scripts/" + bScript + "/confirmations", "{\"status\":\"aired\"}",
                "Authorization", "Bearer " + tokenA).statusCode()).isEqualTo(404);
        assertThat(gateway.get("/partner/scripts").statusCode()).isEqualTo(401);

        HttpResponse<String> page = gateway.send("GET", "/partner/scripts/" + aScript + "?format=html", null,
                "Authorization", "Bearer " + tokenA);
        assertThat(page.body()).contains("Radio Annour &lt;Gao&gt;").doesNotContain("<Gao>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("default-src 'none'; style-src 'sha256-"));

        // an unregistered number texting a code is an ordinary alert; the station's number confirms
        long alertsBefore = gateway.intakeEntries().size();
        gateway.postTwilio(GatewayFixture.twilioSms("SMradio1", "+22376999999", "DIFF " + aCode));
        assertThat(gateway.intakeEntries()).hasSize((int) alertsBefore + 1);
        HttpResponse<String> confirmed = gateway.postTwilio(
                GatewayFixture.twilioSms("SMradio2", "+22376100001", "DIFF " + aCode));
        assertThat(confirmed.body()).contains("enregistre");
        assertThat(gateway.intakeEntries()).hasSize((int) alertsBefore + 1);
        assertThat(gateway.send("POST", "/partner/scripts/" + bScript + "/confirmations",
                "{\"status\":\"postponed\",\"reason\":\"coupure\"}", "Authorization", "Bearer " + tokenB)
                .statusCode()).isEqualTo(200);

        JsonArray report = new JsonObject(send("GET", "/api/radio/campaigns/" + campaignId, null, supervisor).body())
                .getJsonArray("report");
        assertThat(report.stream().map(o -> (JsonObject) o).map(o -> o.getLong("planned") + "/"
                + o.getLong("confirmed") + "/" + o.getLong("postponed") + "/" + o.getLong("missed")).toList())
                .containsExactlyInAnyOrder("1/1/0/0", "1/0/1/0");

        assertThat(send("POST", "/api/partners/" + a.getJsonObject("partner").getString("id") + "/revoke", null,
                supervisor).statusCode()).isEqualTo(200);
        assertThat(gateway.send("GET", "/partner/scripts", null, "Authorization", "Bearer " + tokenA).statusCode())
                .isEqualTo(401);
    }
}
