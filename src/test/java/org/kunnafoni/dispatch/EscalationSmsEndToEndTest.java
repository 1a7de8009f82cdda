package org.kunnafoni.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.lettuce.core.Range;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioStub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An urgent lead nobody opens (a 1 s delay stands in for 30 min) reaches each on-call number once, as a neutral SMS
 * through the outbound pipeline and a fake Twilio, at any hour; handling the escalation again sends nothing more.
 */
class EscalationSmsEndToEndTest {
    private static final String ACCOUNT = TwilioStub.ACCOUNT;
    private static final String MESSAGES = TwilioStub.MESSAGES;
    private static final List<String> ON_CALL = List.of("+22376000901", "+22366000902");
    private static final String REPORT = "Des hommes armés tirent sur l'école de Boni maintenant, 3 enfants blessés";

    @TempDir
    static Path dataDir;
    static TwilioStub stub;
    static WireMockServer twilio;
    static GatewayFixture gateway;

    @BeforeAll
    static void start() throws Exception {
        stub = TwilioStub.accepting("SM22222222222222222222222222222222");
        twilio = stub.server();
        gateway = new GatewayFixture(dataDir, stub.gatewayEnv(Map.of("KUNNAFONI_REVIEW_ESCALATION_AFTER", "1s",
                "KUNNAFONI_REVIEW_ON_CALL", String.join(",", ON_CALL))),
                InstantSource.system());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        stub.close();
    }

    @Test
    void eachOnCallNumberGetsOneNeutralSmsPerEscalation() throws Exception {
        assertThat(gateway.postTwilio(GatewayFixture.twilioSms("SMesc0001", "+22376000111", REPORT)).statusCode())
                .isEqualTo(200);
        Await.until("an SMS to every on-call number", Duration.ofSeconds(30),
                () -> ON_CALL.stream().allMatch(n -> !sentTo(n).isEmpty()));
        String leadId = gateway.redis().xrange(RedisKeys.ESCALATIONS, Range.create("-", "+")).get(0).getBody()
                .get("lead_id");

        // the same escalation handled again (a redelivered entry, another instance): nothing new is sent
        String again = gateway.redis().xadd(RedisKeys.ESCALATIONS, Map.of("lead_id", leadId, "region", "mopti"));
        Await.until("the repeated entry read and acknowledged", Duration.ofSeconds(10), () -> gateway.redis()
                .xinfoGroups(RedisKeys.ESCALATIONS).toString().contains(again)
                && gateway.redis().xpending(RedisKeys.ESCALATIONS, RedisKeys.ESCALATION_SMS_GROUP).getCount() == 0);
        Await.until("its dispatches settled", Duration.ofSeconds(10), () -> gateway.redis()
                .xlen(RedisKeys.DISPATCH_STREAM) == 0);
        for (String number : ON_CALL) {
            List<LoggedRequest> sent = sentTo(number);
            assertThat(sent).as("SMS to " + number).hasSize(1);
            String body = form(sent.get(0), "Body");
            assertThat(body).contains("alerte urgente").contains(leadId).contains("1 s")
                    .doesNotContain("Boni").doesNotContain("armés").doesNotContain("enfants");
        }
    }

    private static List<LoggedRequest> sentTo(String number) {
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .filter(r -> number.equals(form(r, "To"))).toList();
    }

    private static String form(LoggedRequest request, String field) {
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(field)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
