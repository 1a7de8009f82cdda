package org.kunnafoni.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign end to end, through the gateway, the scheduler, the dispatch pipeline and a fake Twilio, with the clock
 * pinned at noon in Bamako: exactly the subscribers of the chosen regions × languages get the right text, an
 * opted-out one gets nothing, and the campaign's progress shows it.
 */
class CampaignApiTest {
    private static final String ACCOUNT = TwilioStub.ACCOUNT;
    private static final String MESSAGES = TwilioStub.MESSAGES;
    private static final Instant NOON_IN_BAMAKO = Instant.parse("2026-11-30T12:00:00Z");
    private static final String CAMPAIGN = "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},"
            + "\"regions\":[\"gao\",\"mopti\"],\"languages\":[\"bam\",\"fra\"]}";

    @TempDir
    static Path dataDir;
    static TwilioStub stub;
    static WireMockServer twilio;
    static GatewayFixture gateway;
    static String supervisor;
    static String monitor;

    @BeforeAll
    static void start() throws Exception {
        stub = TwilioStub.accepting("SM22222222222222222222222222222222");
        twilio = stub.server();
        gateway = new GatewayFixture(dataDir, stub.gatewayEnv(Map.of("KUNNAFONI_CAMPAIGNS_PRICE_PER_SEGMENT", "0.05",
                "KUNNAFONI_CAMPAIGNS_SCHEDULER_INTERVAL", "100ms")),
                InstantSource.fixed(NOON_IN_BAMAKO));
        String admin = ApiAuthTest.loginWith(gateway, "admin", GatewayFixture.ADMIN_PASSWORD);
        ApiAuthTest.createUserWith(gateway, admin, "sup-gao", "supervisor");
        ApiAuthTest.createUserWith(gateway, admin, "mon-gao", "monitor");
        supervisor = ApiAuthTest.loginWith(gateway, "sup-gao", "password-of-sup-gao");
        monitor = ApiAuthTest.loginWith(gateway, "mon-gao", "password-of-mon-gao");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        stub.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return gateway.send(method, path, body, "Authorization", "Bearer " + token);
    }

    private static String subscribe(String phone, String region, String language) throws Exception {
        HttpResponse<String> r = send("POST", "/api/subscribers", new JsonObject().put("phone", phone)
                .put("region", region).put("language", language).encode(), supervisor);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new JsonObject(r.body()).getString("pseudonym");
    }

    @Test
    void exactlyTheChosenAudienceGetsTheTextAndProgressShowsIt() throws Exception {
        subscribe("+22376000001", "gao", "bam");
        subscribe("+22376000002", "mopti", "fra");
        String stopped = subscribe("+22376000003", "gao", "bam");
        subscribe("+22376000004", "kidal", "fra");
        subscribe("+22376000005", "gao", "ara");
        gateway.postTwilio(GatewayFixture.twilioSms("SMcampStop3", "+22376000003", "STOP"));

        HttpResponse<String> preview = send("POST", "/api/campaigns/preview", CAMPAIGN, supervisor);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonObject p = new JsonObject(preview.body());
        assertThat(p.getLong("total_recipients")).isEqualTo(2);
        assertThat(new BigDecimal(p.getString("estimated_cost")))
                .isEqualByComparingTo(new BigDecimal("0.05").multiply(BigDecimal.valueOf(p.getLong("total_segments"))));

        // a lagging audience index: the send-time check must still keep the opted-out person out
        gateway.redis().sadd("audience:{gao}:bam", stopped);
        HttpResponse<String> created = send("POST", "/api/campaigns", CAMPAIGN, supervisor);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new JsonObject(created.body()).getJsonObject("campaign").getString("id");

        Await.until("two messages sent", Duration.ofSeconds(30), () -> progress(id).getLong("sent") == 2
                && progress(id).getLong("skipped_opted_out") == 1);
        String french = TemplateLibrary.loadDefault().render("awareness", "child_recruitment", Language.FRA,
                Map.of("hotline", "36000")).text();
        String bambara = TemplateLibrary.loadDefault().render("awareness", "child_recruitment", Language.BAM,
                Map.of("hotline", "36000")).text();
        Map<String, String> bodies = new HashMap<>();
        for (LoggedRequest request : twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)))) {
            Map<String, String> form = form(request.getBodyAsString());
            assertThat(bodies.put(form.get("To"), form.get("Body"))).as("one message per person").isNull();
        }
        assertThat(bodies).containsOnlyKeys("+22376000001", "+22376000002");
        assertThat(bodies).as("each in their own language").containsEntry("+22376000001", bambara)
                .containsEntry("+22376000002", french);

        JsonObject view = new JsonObject(send("GET", "/api/campaigns/" + id, null, supervisor).body());
        assertThat(view.getString("status")).isEqualTo("done");
        JsonObject progress = view.getJsonObject("progress");
        assertThat(progress.getLong("planned")).isEqualTo(3);
        assertThat(progress.getLong("pending")).isZero();
        assertThat(progress.getLong("segments")).as("two Bambara (the opted-out one planned too) and one French")
                .isEqualTo(2L * SegmentsOf.text(bambara) + SegmentsOf.text(french));
        assertThat(view.getJsonArray("runs")).hasSize(1);
        assertThat(gateway.redis().xrange("{audit}:log", io.lettuce.core.Range.create("-", "+")))
                .anySatisfy(e -> assertThat(e.getBody()).containsValue("campaign_created"));
    }

    private static JsonObject progress(String id) {
        try {
            return new JsonObject(send("GET", "/api/campaigns/" + id, null, supervisor).body()).getJsonObject("progress");
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

    @Test
    void aCampaignForLaterCanBeCanceledOnce() throws Exception {
        String later = CAMPAIGN.substring(0, CAMPAIGN.length() - 1) + ",\"schedule\":{\"cron\":\"0 9 * * MON\"}}";
        HttpResponse<String> created = send("POST", "/api/campaigns", later, supervisor);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new JsonObject(created.body()).getJsonObject("campaign").getString("id");
        assertThat(new JsonObject(created.body()).getString("first_run")).isEqualTo("2026-12-07T09:00:00Z");
        assertThat(send("POST", "/api/campaigns/" + id + "/cancel", null, supervisor).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/campaigns/" + id + "/cancel", null, supervisor).statusCode()).isEqualTo(409);
        JsonObject view = new JsonObject(send("GET", "/api/campaigns/" + id, null, supervisor).body());
        assertThat(view.getString("status")).isEqualTo("canceled");
        assertThat(view.getJsonArray("runs").getJsonObject(0).getString("status")).isEqualTo("canceled");
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "POST | /api/campaigns/preview      | monitor    | 403",
            "POST | /api/campaigns              | monitor    | 403",
            "GET  | /api/campaigns              | monitor    | 403",
            "GET  | /api/campaigns              | supervisor | 200",
            "GET  | /api/campaigns/C-nope       | supervisor | 404",
            "POST | /api/campaigns/C-nope/cancel | supervisor | 404",
            "POST | /api/campaigns              | nobody     | 401",
    })
    void rolesAndUnknownCampaigns(String method, String path, String who, int status) throws Exception {
        String token = switch (who) {
            case "monitor" -> monitor;
            case "supervisor" -> supervisor;
            default -> "not-a-token";
        };
        assertThat(send(method, path, "POST".equals(method) ? CAMPAIGN : null, token).statusCode()).isEqualTo(status);
    }

    @Test
    void anInvalidRequestListsEveryProblem() throws Exception {
        HttpResponse<String> r = send("POST", "/api/campaigns", "{\"topic\":\"nope\",\"regions\":[\"atlantis\"],"
                + "\"languages\":[\"fra\"],\"schedule\":{\"at\":\"2020-01-01T00:00:00Z\"}}", supervisor);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getJsonArray("errors").getList()).hasSize(3);
        assertThat(send("POST", "/api/campaigns", "not json", supervisor).statusCode()).isEqualTo(400);
    }

    /** Segments of a text as the gateway counts them. */
    private static final class SegmentsOf {
        static int text(String body) {
            return org.kunnafoni.text.SegmentCounter.count(body).segments();
        }
    }
}
