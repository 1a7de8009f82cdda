package org.kunnafoni.channel;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMSSync-compatible relay endpoint at the HTTP boundary. */
class RelayWebhookTest {
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


    private static long entriesFor(String id) {
        return gateway.intakeEntries().stream().filter(e -> id.equals(e.getBody().get("provider_id"))).count();
    }

    @Test
    void storesRelayedSmsAndAnswersSuccess() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = gateway.postForm("/channels/relay",
                GatewayFixture.relayPost(id, "76123456", "Ɲɛnɛ: denmisɛnw minɛna Ansongo"), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject payload = new JsonObject(response.body()).getJsonObject("payload");
        assertThat(payload.getBoolean("success")).isTrue();
        assertThat(payload.getValue("error")).isNull();
        assertThat(payload.containsKey("messages")).isFalse();
        var entry = gateway.intakeEntries().stream().filter(e -> id.equals(e.getBody().get("provider_id")))
                .findFirst().orElseThrow().getBody();
        assertThat(entry).containsEntry("channel", "relay").containsEntry("device_id", GatewayFixture.RELAY_DEVICE)
                .containsEntry("body", "Ɲɛnɛ: denmisɛnw minɛna Ansongo");
        assertThat(entry.values()).noneMatch(v -> v.contains("76123456"));
    }

    @Test
    void localAndInternationalFormsOfOneNumberAreOneReporter() throws Exception {
        String local = UUID.randomUUID().toString();
        String international = UUID.randomUUID().toString();
        gateway.postForm("/channels/relay", GatewayFixture.relayPost(local, "76 12 34 99", "a"), Map.of());
        gateway.postForm("/channels/relay", GatewayFixture.relayPost(international, "+22376123499", "b"), Map.of());
        String first = gateway.intakeEntries().stream().filter(e -> local.equals(e.getBody().get("provider_id")))
                .findFirst().orElseThrow().getBody().get("reporter");
        String second = gateway.intakeEntries().stream().filter(e -> international.equals(e.getBody().get("provider_id")))
                .findFirst().orElseThrow().getBody().get("reporter");
        assertThat(first).isEqualTo(second);
    }

    @Test
    void duplicatePostFromThePhoneIsStoredOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> form = GatewayFixture.relayPost(id, "76123456", "alerte");
        assertThat(gateway.postForm("/channels/relay", form, Map.of()).statusCode()).isEqualTo(200);
        assertThat(gateway.postForm("/channels/relay", form, Map.of()).statusCode()).isEqualTo(200);
        assertThat(entriesFor(id)).isEqualTo(1);
    }

    @Test
    void wrongSecretOrUnknownDeviceIsRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> wrongSecret = GatewayFixture.relayPost(id, "76123456", "alerte");
        wrongSecret.put("secret", "not-the-secret-at-all");
        HttpResponse<String> response = gateway.postForm("/channels/relay", wrongSecret, Map.of());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(response.body()).getJsonObject("payload").getBoolean("success")).isFalse();
        Map<String, String> unknownDevice = GatewayFixture.relayPost(id, "76123456", "alerte");
        unknownDevice.put("device_id", "someone-else");
        assertThat(gateway.postForm("/channels/relay", unknownDevice, Map.of()).statusCode()).isEqualTo(403);
        assertThat(entriesFor(id)).isZero();
    }

    @ParameterizedTest(name = "missing {0} → 400")
    @ValueSource(strings = {"from", "message", "message_id", "secret", "device_id"})
    void missingFieldsAreRefused(String field) throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> form = GatewayFixture.relayPost(id, "76123456", "alerte");
        form.remove(field);
        HttpResponse<String> response = gateway.postForm("/channels/relay", form, Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getJsonObject("payload").getString("error")).contains(field);
        assertThat(entriesFor(id)).isZero();
    }
}
