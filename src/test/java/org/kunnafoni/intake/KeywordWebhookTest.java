package org.kunnafoni.intake;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Keyword commands end to end: webhook in, consent stored, reply out, nothing in the alert stream. */
class KeywordWebhookTest {
    private static final AtomicInteger NUMBERS = new AtomicInteger(70_000_000);
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.start(dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String newPhone() {
        return "+223" + NUMBERS.incrementAndGet();
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static HttpResponse<String> text(String phone, String body) throws Exception {
        return gateway.postTwilio(GatewayFixture.twilioSms(sid(), phone, body));
    }

    private static Map<String, String> subscriberOf(String phone) throws Exception {
        // the pseudonym is only known to the gateway: find it through an alert sent from the same phone
        String marker = "marker " + UUID.randomUUID();
        text(phone, marker);
        String reporter = gateway.intakeEntries().stream().filter(e -> marker.equals(e.getBody().get("body")))
                .findFirst().orElseThrow().getBody().get("reporter");
        return gateway.redis().hgetall("sub:{" + reporter + "}");
    }

    @ParameterizedTest(name = "opt-out \"{0}\" ({1})")
    @CsvSource({
            "STOP, fra", "stop, fra", "Stop!, fra", "ARRET, fra", "ARRÊT, fra", "arrêt svp, fra", "Désabonner, fra",
            "DESABONNER, fra", "UNSUBSCRIBE, eng", "STOPALL, eng", "CANCEL, eng", "END, eng", "QUIT, eng",
            "A DABILA, bam", "dabila, bam", "توقف, ara",
    })
    void optOutFormsTakeEffectAndAreNeverStoredAsAlerts(String keyword, String language) throws Exception {
        String phone = newPhone();
        long before = gateway.intakeEntries().size();
        HttpResponse<String> response = text(phone, keyword);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(response.body()).contains("<Message>");
        assertThat(gateway.intakeEntries()).hasSize((int) before);
        Map<String, String> subscriber = subscriberOf(phone);
        assertThat(subscriber).containsEntry("status", "opted_out").containsKey("opted_out_at")
                .containsEntry("last_channel", "twilio");
        assertThat(subscriber.get("phone_enc")).startsWith("v1:").doesNotContain(phone.substring(4));
    }

    @ParameterizedTest(name = "opt-in \"{0}\" → region {1}, language {2}")
    @CsvSource(nullValues = "-", value = {
            "START, -, eng", "OUI, -, fra", "ABONNER, -, fra", "ABONNER GAO BAM, gao, bam",
            "abonner bam gao, gao, bam", "ABONNER Tombouctou songhay, tombouctou, ses", "START MOPTI FRA, mopti, fra",
            "OUI BAMANANKAN, -, bam", "Awɔ, -, bam", "subscribe segou english, segou, eng", "m'abonner à Ségou, segou, fra",
    })
    void optInFormsSubscribeWithRegionAndLanguage(String keyword, String region, String language) throws Exception {
        String phone = newPhone();
        long before = gateway.intakeEntries().size();
        HttpResponse<String> response = text(phone, keyword);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Message>");
        assertThat(gateway.intakeEntries()).hasSize((int) before);
        Map<String, String> subscriber = subscriberOf(phone);
        assertThat(subscriber).containsEntry("status", "active").containsEntry("language", language);
        if (region == null) {
            assertThat(subscriber).doesNotContainKey("region");
        } else {
            assertThat(subscriber).containsEntry("region", region);
        }
    }

    @ParameterizedTest(name = "help \"{0}\"")
    @CsvSource({"HELP", "AIDE", "info", "?", "DƐMƐ", "démè"})
    void helpIsAnsweredAndNothingStored(String keyword) throws Exception {
        long before = gateway.intakeEntries().size();
        HttpResponse<String> response = text(newPhone(), keyword);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Message>");
        assertThat(gateway.intakeEntries()).hasSize((int) before);
    }

    @ParameterizedTest(name = "alert, not a command: \"{0}\"")
    @CsvSource({
            "stop the attacks at the school",
            "Arrêt des combats demandé: des enfants blessés à Gao",
            "Oui des hommes armés sont venus prendre les enfants",
            "ok merci",
    })
    void messagesThatOnlyContainAKeywordAreAlerts(String body) throws Exception {
        String sid = sid();
        HttpResponse<String> response = gateway.postTwilio(GatewayFixture.twilioSms(sid, newPhone(), body));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).endsWith("<Response/>");
        assertThat(gateway.intakeEntries()).anyMatch(e -> sid.equals(e.getBody().get("provider_id")));
    }

    @Test
    void optOutHoldsUntilThePersonOptsInAgainAndHistoryKeepsEveryChange() throws Exception {
        String phone = newPhone();
        text(phone, "ABONNER GAO BAM");
        text(phone, "ARRET");
        Map<String, String> afterStop = subscriberOf(phone);
        assertThat(afterStop).containsEntry("status", "opted_out").containsEntry("region", "gao");
        text(phone, "OUI");
        Map<String, String> afterYes = subscriberOf(phone);
        assertThat(afterYes).containsEntry("status", "active");
        String reporter = afterYes.get("pseudonym");
        assertThat(gateway.redis().lrange("sub:{" + reporter + "}:history", 0, -1))
                .hasSize(3)
                .satisfies(h -> assertThat(h.get(0)).contains("\"action\":\"opt_in\"").contains("\"region\":\"gao\""))
                .satisfies(h -> assertThat(h.get(1)).contains("\"action\":\"opt_out\"").contains("\"keyword\""));
    }

    @Test
    void aRetriedKeywordIsAppliedOnce() throws Exception {
        String phone = newPhone();
        Map<String, String> params = GatewayFixture.twilioSms(sid(), phone, "STOP");
        gateway.postTwilio(params);
        HttpResponse<String> retry = gateway.postTwilio(params);
        assertThat(retry.statusCode()).isEqualTo(200);
        String reporter = subscriberOf(phone).get("pseudonym");
        assertThat(gateway.redis().llen("sub:{" + reporter + "}:history")).isEqualTo(1);
    }

    @Test
    void relayKeywordReplyRidesBackAsAnSmsSyncTask() throws Exception {
        HttpResponse<String> response = gateway.postForm("/channels/relay",
                GatewayFixture.relayPost(UUID.randomUUID().toString(), "76999001", "ARRET"), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        var payload = new io.vertx.core.json.JsonObject(response.body()).getJsonObject("payload");
        assertThat(payload.getBoolean("success")).isTrue();
        assertThat(payload.getString("task")).isEqualTo("send");
        var message = payload.getJsonArray("messages").getJsonObject(0);
        assertThat(message.getString("to")).isEqualTo("76999001");
        assertThat(message.getString("message")).isNotBlank();
        assertThat(message.getString("uuid")).isNotBlank();
    }
}
