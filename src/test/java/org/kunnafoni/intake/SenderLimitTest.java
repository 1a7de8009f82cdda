package org.kunnafoni.intake;

import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.channel.twilio.TwiML;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * intake.sender-limit at the HTTP boundary: a flood from one number is stored but flagged (and left out of
 * triage), a second sender at the same time is not, keyword commands are never throttled, and the answer never
 * tells a sender anything.
 */
class SenderLimitTest {
    private static final int LIMIT = 3;
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new GatewayFixture(dataDir, Map.of("KUNNAFONI_INTAKE_SENDER_LIMIT", Integer.toString(LIMIT),
                "KUNNAFONI_INTAKE_SENDER_WINDOW", "10m"), InstantSource.system());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String send(String from, String body) throws Exception {
        String sid = sid();
        HttpResponse<String> response = gateway.postTwilio(GatewayFixture.twilioSms(sid, from, body));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TwiML.EMPTY);
        return sid;
    }

    private static Map<String, String> entry(String sid) {
        return streamEntry(sid).getBody();
    }

    private static StreamMessage<String, String> streamEntry(String sid) {
        List<StreamMessage<String, String>> found = gateway.intakeEntries().stream()
                .filter(e -> sid.equals(e.getBody().get("provider_id"))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static boolean hasLeadReport(String sid) {
        return !gateway.redis().keys("*:report:" + streamEntry(sid).getId()).isEmpty();
    }

    @Test
    void floodFromOneNumberIsStoredFlaggedAndSkippedWhileAnotherSenderIsNot() throws Exception {
        String flooder = "+22376000101";
        String other = "+22366000202";
        double throttledBefore = metric("kunnafoni_intake_alerts_throttled_total");
        double skippedBefore = metric("kunnafoni_triage_flood_skipped_total");
        List<String> flood = new ArrayList<>();
        List<String> calm = new ArrayList<>();
        for (int i = 0; i < LIMIT + 2; i++) {
            flood.add(send(flooder, "hommes armés à Gossi, message " + i));
            if (i < LIMIT) {
                calm.add(send(other, "école fermée à Ménaka, message " + i));
            }
        }

        for (int i = 0; i < flood.size(); i++) {
            Map<String, String> e = entry(flood.get(i));
            assertThat(e).containsEntry("body", "hommes armés à Gossi, message " + i);
            if (i < LIMIT) {
                assertThat(e).as("alert %d, within the limit", i).doesNotContainKey("flood");
            } else {
                assertThat(e).as("alert %d, over the limit", i).containsEntry("flood", "1");
            }
        }
        calm.forEach(sid -> assertThat(entry(sid)).doesNotContainKey("flood"));
        assertThat(metric("kunnafoni_intake_alerts_throttled_total") - throttledBefore).isEqualTo(2.0);
        // the triage worker acknowledges the two flagged entries without writing a lead for them
        Await.until("flood entries acknowledged", Duration.ofSeconds(20),
                () -> metric("kunnafoni_triage_flood_skipped_total") - skippedBefore == 2.0);
        Await.until("every entry acknowledged", Duration.ofSeconds(20),
                () -> gateway.redis().xpending("{intake}:stream", "triage").getCount() == 0);
        for (int i = 0; i < flood.size(); i++) {
            assertThat(hasLeadReport(flood.get(i))).as("lead report of alert %d", i).isEqualTo(i < LIMIT);
        }
        calm.forEach(sid -> assertThat(hasLeadReport(sid)).isTrue());
    }

    @Test
    void providerDuplicatesDoNotCountAgainstTheLimit() throws Exception {
        String from = "+22376000303";
        Map<String, String> params = GatewayFixture.twilioSms(sid(), from, "enfant blessé à Kidal");
        for (int i = 0; i < LIMIT + 2; i++) {
            assertThat(gateway.postTwilio(params).statusCode()).isEqualTo(200);
        }
        assertThat(entry(params.get("MessageSid"))).doesNotContainKey("flood");
        assertThat(entry(send(from, "deuxième message"))).doesNotContainKey("flood");
    }

    @Test
    void keywordCommandsAreNeverThrottled() throws Exception {
        String from = "+22376000404";
        for (int i = 0; i < LIMIT + 1; i++) {
            send(from, "alerte " + i);
        }
        HttpResponse<String> stop = gateway.postTwilio(GatewayFixture.twilioSms(sid(), from, "STOP"));
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(stop.body()).contains("<Message>");
        String reporter = gateway.intakeEntries().stream().filter(e -> "alerte 0".equals(e.getBody().get("body")))
                .findFirst().orElseThrow().getBody().get("reporter");
        assertThat(gateway.redis().hgetall("sub:{" + reporter + "}")).containsEntry("status", "opted_out");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "sender-limit {0}, window {1} → {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "'', '', 30 per PT10M",
            "0, 1h, 0 per PT1H",
            "5, 30s, 5 per PT30S",
            "-1, 10m, error intake.sender-limit",
            "many, 10m, error intake.sender-limit",
            "30, 500ms, error intake.sender-window",
            "30, soon, error intake.sender-window",
    })
    void configurationIsCheckedAtStart(String limit, String window, String expected) {
        Map<String, String> env = new java.util.HashMap<>();
        if (!limit.isEmpty()) {
            env.put("KUNNAFONI_INTAKE_SENDER_LIMIT", limit);
        }
        if (!window.isEmpty()) {
            env.put("KUNNAFONI_INTAKE_SENDER_WINDOW", window);
        }
        String outcome;
        try {
            org.kunnafoni.app.GatewayConfig.Intake intake =
                    org.kunnafoni.app.ConfigLoader.load(Path.of("config/gateway.yaml"), env).intake();
            outcome = intake.senderLimit() + " per " + intake.senderWindow();
        } catch (org.kunnafoni.app.ConfigException e) {
            outcome = "error " + String.join(";", e.errors());
        }
        assertThat(outcome).startsWith(expected);
    }

    private static double metric(String name) {
        try {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$")
                    .matcher(gateway.get("/metrics").body());
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
