package org.kunnafoni.channel;

import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioSigner;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio inbound webhook at the HTTP boundary, against a real gateway and embedded Redis. */
class TwilioWebhookTest {
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

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static StreamMessage<String, String> entryFor(String sid) {
        List<StreamMessage<String, String>> found = gateway.intakeEntries().stream()
                .filter(e -> sid.equals(e.getBody().get("provider_id"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static long entriesFor(String sid) {
        return gateway.intakeEntries().stream().filter(e -> sid.equals(e.getBody().get("provider_id"))).count();
    }

    @ParameterizedTest(name = "alert stored as sent: {0}")
    @ValueSource(strings = {
            "Des hommes armés ont enlevé 3 enfants à Boni ce matin",
            "Cɛ marifalaw ye denmisɛn saba minɛ Duwɛntsa",
            "رجال مسلحون خطفوا أطفالا",
            "ⵉⵔⴰⵡⴰⵏ 🙏 enfants <script>alert(1)</script> & \"quotes\"",
            "",
    })
    void storesAlertsDurablyBeforeAnswering(String body) throws Exception {
        String sid = sid();
        HttpResponse<String> response = gateway.postTwilio(GatewayFixture.twilioSms(sid, "+22376123456", body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/xml"));
        assertThat(response.body()).endsWith("<Response/>");
        // answered ahead of the router: the strict headers every answer carries are set there too
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        Map<String, String> entry = entryFor(sid).getBody();
        assertThat(entry).containsEntry("body", body).containsEntry("channel", "twilio").containsEntry("kind", "sms");
        assertThat(entry.get("reporter")).matches("R-[A-Z0-9]{10}");
        assertThat(entry.get("phone_enc")).startsWith("v1:").doesNotContain("76123456");
        assertThat(entry.values()).noneMatch(v -> v.contains("76123456"));
        assertThat(entry.get("received_at")).isNotBlank();
    }

    @Test
    void samePersonGetsSamePseudonymAcrossMessages() throws Exception {
        String first = sid();
        String second = sid();
        gateway.postTwilio(GatewayFixture.twilioSms(first, "+22366000001", "alerte une"));
        gateway.postTwilio(GatewayFixture.twilioSms(second, "+22366000001", "alerte deux"));
        assertThat(entryFor(first).getBody().get("reporter")).isEqualTo(entryFor(second).getBody().get("reporter"));
    }

    @Test
    void whatsappSenderIsTheSameChannelWithItsKindRemembered() throws Exception {
        String sid = sid();
        Map<String, String> params = GatewayFixture.twilioSms(sid, "whatsapp:+22376123456", "école brûlée à Gossi");
        params.put("To", "whatsapp:+14155238886");
        assertThat(gateway.postTwilio(params).statusCode()).isEqualTo(200);
        Map<String, String> entry = entryFor(sid).getBody();
        assertThat(entry).containsEntry("kind", "whatsapp").containsEntry("channel", "twilio");
        // the same person on SMS and on WhatsApp is one reporter
        String smsSid = sid();
        gateway.postTwilio(GatewayFixture.twilioSms(smsSid, "+22376123456", "encore"));
        assertThat(entryFor(smsSid).getBody().get("reporter")).isEqualTo(entry.get("reporter"));
    }

    @Test
    void providerDuplicateIsAcknowledgedButStoredOnce() throws Exception {
        String sid = sid();
        Map<String, String> params = GatewayFixture.twilioSms(sid, "+22376123456", "enfant blessé par une mine");
        assertThat(gateway.postTwilio(params).statusCode()).isEqualTo(200);
        HttpResponse<String> again = gateway.postTwilio(params);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).endsWith("<Response/>");
        assertThat(entriesFor(sid)).isEqualTo(1);
    }

    @Test
    void unknownAndEmptyParametersAreSignedAndAccepted() throws Exception {
        String sid = sid();
        Map<String, String> params = GatewayFixture.twilioSms(sid, "+22376123456", "alerte");
        params.put("SomethingTwilioAddedLater", "x");
        params.put("ToCity", "");
        assertThat(gateway.postTwilio(params).statusCode()).isEqualTo(200);
        assertThat(entriesFor(sid)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} → 403, nothing stored")
    @CsvSource({
            "wrong token, https://gateway.example.org/channels/twilio/sms, other-token",
            "attacker host, https://attacker.example.com/channels/twilio/sms, " + GatewayFixture.AUTH_TOKEN,
            "other path, https://gateway.example.org/channels/relay, " + GatewayFixture.AUTH_TOKEN,
    })
    void rejectsBadSignatures(String label, String signedUrl, String token) throws Exception {
        String sid = sid();
        Map<String, String> params = GatewayFixture.twilioSms(sid, "+22376123456", "alerte");
        String signature = TwilioSigner.sign(token, signedUrl, params);
        HttpResponse<String> response = gateway.postForm("/channels/twilio/sms", params,
                Map.of("X-Twilio-Signature", signature));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(entriesFor(sid)).isZero();
    }

    @Test
    void rejectsMissingSignatureAndTamperedBody() throws Exception {
        String sid = sid();
        Map<String, String> params = GatewayFixture.twilioSms(sid, "+22376123456", "alerte");
        assertThat(gateway.postForm("/channels/twilio/sms", params, Map.of()).statusCode()).isEqualTo(403);
        String signature = TwilioSigner.sign(GatewayFixture.AUTH_TOKEN, gateway.publicUrl("/channels/twilio/sms"), params);
        params.put("Body", "changed on the way");
        assertThat(gateway.postForm("/channels/twilio/sms", params, Map.of("X-Twilio-Signature", signature))
                .statusCode()).isEqualTo(403);
        assertThat(entriesFor(sid)).isZero();
    }

    @ParameterizedTest(name = "missing {0} → 400")
    @ValueSource(strings = {"MessageSid", "From", "Body"})
    void rejectsMissingFields(String field) throws Exception {
        String sid = sid();
        Map<String, String> params = GatewayFixture.twilioSms(sid, "+22376123456", "alerte");
        params.remove(field);
        if (!field.equals("MessageSid")) {
            params.remove("SmsSid");
        }
        HttpResponse<String> response = gateway.postTwilio(params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(field);
        assertThat(gateway.redis().xlen(RedisKeys.INTAKE_STREAM)).isNotNegative();
        assertThat(entriesFor(sid)).isZero();
    }

    @Test
    void rejectsOversizedBodiesWith413() throws Exception {
        String sid = sid();
        Map<String, String> params = new LinkedHashMap<>(GatewayFixture.twilioSms(sid, "+22376123456", "x".repeat(40_000)));
        HttpResponse<String> response = gateway.postTwilio(params);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(entriesFor(sid)).isZero();
    }

    @ParameterizedTest(name = "malformed form {0} → 400, nothing stored")
    @ValueSource(strings = {"Body=%zz", "MessageSid=%4"})
    void rejectsMalformedFormEncoding(String body) throws Exception {
        long before = gateway.intakeEntries().size();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(gateway.baseUrl() + "/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "anything")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(gateway.intakeEntries()).hasSize((int) before);
    }

    @Test
    void operationsEndpointsAnswer() throws Exception {
        assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = gateway.get("/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"redis\":\"up\"").contains("\"depth\":0");
        gateway.postTwilio(GatewayFixture.twilioSms(sid(), "+22376123456", "alerte"));
        HttpResponse<String> metrics = gateway.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("kunnafoni_intake_received_total{channel=\"twilio\"}")
                .contains("kunnafoni_spool_depth")
                .contains("kunnafoni_twilio_signature_rejected_total")
                .contains("kunnafoni_intake_duplicates_total")
                .contains("kunnafoni_intake_stream_length")
                .contains("jvm_memory_used_bytes{area=\"heap\"")
                .contains("jvm_gc_live_data_size_bytes")
                .contains("process_cpu_usage");
    }
}
