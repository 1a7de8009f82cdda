package org.kunnafoni.web;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.dispatch.MutableClock;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioStub;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A radio campaign from end to end at the HTTP boundary, with a clock the test moves: three stations created
 * through the API, each told by SMS (fake Twilio) what to air and its code; one reads its script and confirms by a
 * signed SMS "OK code" from its number, one postpones through the partner API, one stays silent: it gets one
 * reminder after the grace, then counts as missed. Slot Wednesday 19:00–19:10 (Bamako = UTC), reminder 2 h
 * after its end, missed 2 days after it.
 */
class RadioRemindersApiTest {
    private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T12:00:00Z");
    private static final Pattern CODE = Pattern.compile("DIFF ([A-Z2-9]{6})");
    private static final MutableClock CLOCK = new MutableClock(MONDAY_NOON);

    @TempDir
    static Path dataDir;
    static TwilioStub twilio;
    static GatewayFixture gateway;
    static String supervisor;

    @BeforeAll
    static void start() throws Exception {
        twilio = TwilioStub.accepting("SM44444444444444444444444444444444");
        gateway = new GatewayFixture(dataDir, twilio.gatewayEnv(Map.of("KUNNAFONI_INTAKE_HOTLINE", "36000",
                "KUNNAFONI_RADIO_REMINDER_INTERVAL", "100ms")), CLOCK);
        String admin = ApiAuthTest.loginWith(gateway, "admin", GatewayFixture.ADMIN_PASSWORD);
        ApiAuthTest.createUserWith(gateway, admin, "sup-reminders", "supervisor");
        supervisor = ApiAuthTest.loginWith(gateway, "sup-reminders", "password-of-sup-reminders");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        twilio.close();
    }

    /** Moves the clock; the supervisor's session (8 h) would have ended, so they sign in again. */
    private static void at(String instant) throws Exception {
        CLOCK.set(Instant.parse(instant));
        supervisor = ApiAuthTest.loginWith(gateway, "sup-reminders", "password-of-sup-reminders");
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return gateway.send(method, path, body, "Authorization", "Bearer " + supervisor);
    }

    private static HttpResponse<String> partnerApi(String method, String path, String body, String token)
            throws Exception {
        return gateway.send(method, path, body, "Authorization", "Bearer " + token);
    }

    /** Creates a Gao station airing in French on Wednesdays 19:00 for 10 minutes; answers its token. */
    private static String station(String name, String number) throws Exception {
        String body = new JsonObject().put("station", name).put("regions", new JsonArray().add("gao"))
                .put("languages", new JsonArray().add("fra")).put("numbers", new JsonArray().add(number))
                .put("slots", new JsonArray().add(new JsonObject().put("day", "wednesday").put("start", "19:00")
                        .put("minutes", 10))).encode();
        HttpResponse<String> r = api("POST", "/api/partners", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body()).getString("token");
    }

    /** Every SMS the fake Twilio received, decoded: "To" → "Body", in arrival order. */
    private static List<Map<String, String>> sent() {
        return twilio.server().findAll(postRequestedFor(urlEqualTo(TwilioStub.MESSAGES))).stream()
                .map(LoggedRequest::getBodyAsString).map(RadioRemindersApiTest::form).toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static String codeSentTo(String number) {
        return sent().stream().filter(m -> m.get("To").equals(number)).map(m -> CODE.matcher(m.get("Body")))
                .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
    }

    private static JsonObject onlyScript(String token) throws Exception {
        JsonArray scripts = new JsonObject(partnerApi("GET", "/partner/scripts", null, token).body())
                .getJsonArray("scripts");
        assertThat(scripts).hasSize(1);
        return scripts.getJsonObject(0);
    }

    private static List<String> report(String campaignId) throws Exception {
        JsonArray report = new JsonObject(api("GET", "/api/radio/campaigns/" + campaignId, null).body())
                .getJsonArray("report");
        return report.stream().map(o -> (JsonObject) o).map(o -> o.getLong("planned") + "/" + o.getLong("confirmed")
                + "/" + o.getLong("postponed") + "/" + o.getLong("missed") + " reminded " + o.getLong("reminded"))
                .toList();
    }

    @Test
    void stationsAreToldConfirmByProofSmsAndApiAndTheSilentOneIsRemindedOnceThenMissed() throws Exception {
        String aired = station("Radio Annour", "+22376200001");
        String postponed = station("Radio Tahanint", "+22376200002");
        String silent = station("Radio Koima", "+22376200003");

        String campaign = "{\"topic\":\"how_to_report\",\"regions\":[\"gao\"],\"languages\":[\"fra\"],"
                + "\"from\":\"2026-11-30\",\"to\":\"2026-12-06\"}";
        HttpResponse<String> preview = api("POST", "/api/radio/campaigns/preview", campaign);
        assertThat(new JsonObject(preview.body()).getInteger("broadcasts")).as(preview.body()).isEqualTo(3);
        assertThat(sent()).as("a preview sends nothing").isEmpty();
        HttpResponse<String> created = api("POST", "/api/radio/campaigns", campaign);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String campaignId = new JsonObject(created.body()).getJsonObject("campaign").getString("id");

        Await.until("one SMS per station", Duration.ofSeconds(30), () -> sent().size() == 3);
        assertThat(sent()).extracting(m -> m.get("To"))
                .containsExactlyInAnyOrder("+22376200001", "+22376200002", "+22376200003");
        assertThat(sent()).allSatisfy(m -> assertThat(m.get("Body")).contains("02/12/2026 a 19:00", "DIFF "));

        // the station reads the script whose code it was sent, as JSON and as a printable page
        JsonObject listed = onlyScript(aired);
        assertThat(listed.getString("code")).isEqualTo(codeSentTo("+22376200001"));
        JsonObject full = new JsonObject(partnerApi("GET", "/partner/scripts/" + listed.getString("id"), null, aired)
                .body());
        assertThat(full.getString("text")).contains("Radio Annour", "36000");
        assertThat(full.getString("status")).isEqualTo("planned");
        HttpResponse<String> page = partnerApi("GET", "/partner/scripts/" + listed.getString("id") + "?format=html",
                null, aired);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Radio Annour", listed.getString("code"));

        // after the slot, before the reminder grace: one confirms by SMS, one postpones through the API
        at("2026-12-02T19:30:00Z");
        HttpResponse<String> reply = gateway.postTwilio(GatewayFixture.twilioSms("SMremind1", "+22376200001",
                "OK " + codeSentTo("+22376200001")));
        assertThat(reply.body()).contains("enregistre");
        String postponedId = onlyScript(postponed).getString("id");
        assertThat(partnerApi("POST", "/partner/scripts/" + postponedId + "/confirmations",
                "{\"status\":\"postponed\",\"reason\":\"coupure de courant\"}", postponed).statusCode()).isEqualTo(200);
        assertThat(report(campaignId)).containsExactlyInAnyOrder(
                "0/1/0/0 reminded 0", "0/0/1/0 reminded 0", "1/0/0/0 reminded 0");

        // the next morning the silent station gets one reminder with its code; the others get none
        at("2026-12-03T08:00:00Z");
        Await.until("the reminder", Duration.ofSeconds(30), () -> sent().size() == 4);
        Map<String, String> reminder = sent().get(3);
        assertThat(reminder.get("To")).isEqualTo("+22376200003");
        String silentCode = codeSentTo("+22376200003");
        assertThat(reminder.get("Body")).contains("OK " + silentCode, "REPORT " + silentCode, "02/12/2026 19:00");
        Await.until("every due broadcast handled", Duration.ofSeconds(30),
                () -> gateway.redis().zcard(RedisKeys.RADIO_REMINDERS_DUE) == 0
                        && gateway.redis().zcard(RedisKeys.RADIO_REMINDERS_CLAIMED) == 0);
        assertThat(sent()).hasSize(4);
        assertThat(onlyScript(silent).getString("reminded_at")).isEqualTo("2026-12-03T08:00:00Z");
        assertThat(onlyScript(aired).containsKey("reminded_at")).isFalse();

        // two days after the slot the silent one is missed; the reminder stays in the report
        at("2026-12-04T19:10:00Z");
        assertThat(onlyScript(silent).getString("status")).isEqualTo("missed");
        assertThat(report(campaignId)).containsExactlyInAnyOrder(
                "0/1/0/0 reminded 0", "0/0/1/0 reminded 0", "0/0/0/1 reminded 1");
        assertThat(sent()).hasSize(4);
    }
}
