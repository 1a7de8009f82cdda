package org.kunnafoni.dispatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDispatchQueue;
import org.kunnafoni.store.RedisDispatchStore;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioStub;
import org.kunnafoni.support.TwilioSigner;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbound pipeline as wired in the gateway: a dispatch queued in Redis reaches a fake Twilio with the right
 * fields, the signed status callback moves it forward only, and an opted-out subscriber gets nothing.
 */
class OutboundEndToEndTest {
    private static final String ACCOUNT = TwilioStub.ACCOUNT;
    private static final String MESSAGES = TwilioStub.MESSAGES;
    private static final Instant NOON_IN_BAMAKO = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    static Path dataDir;
    static TwilioStub stub;
    static WireMockServer twilio;
    static GatewayFixture gateway;
    static RedisConnector redis;
    static RedisDispatchStore store;
    static RedisDispatchQueue queue;

    @BeforeAll
    static void start() throws Exception {
        stub = TwilioStub.accepting("SM11111111111111111111111111111111");
        twilio = stub.server();
        gateway = new GatewayFixture(dataDir, stub.gatewayEnv(Map.of()),
                InstantSource.fixed(NOON_IN_BAMAKO));
        redis = new RedisConnector(gateway.gateway().redisUri(), Duration.ofSeconds(2));
        store = new RedisDispatchStore(redis);
        queue = new RedisDispatchQueue(redis, Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        queue.close();
        redis.close();
        gateway.close();
        stub.close();
    }

    private static String subscribe(String phone, String body, String sid) throws Exception {
        gateway.postTwilio(GatewayFixture.twilioSms(sid, phone, body));
        String marker = "marker " + sid;
        gateway.postTwilio(GatewayFixture.twilioSms(sid + "m", phone, marker));
        return gateway.intakeEntries().stream().filter(e -> marker.equals(e.getBody().get("body"))).findFirst()
                .orElseThrow().getBody().get("reporter");
    }

    private static Dispatch queueFor(String pseudonym, String text) throws Exception {
        Dispatch d = Dispatch.planned("run-e2e-" + pseudonym, pseudonym, Optional.of("gao"), "twilio", "KUNNAFONI",
                text, NOON_IN_BAMAKO);
        assertThat(store.create(d).toCompletableFuture().get()).isTrue();
        queue.enqueue(d.id()).toCompletableFuture().get();
        return d;
    }

    private static DispatchState stateOf(Dispatch d) {
        try {
            return store.find(d.id()).toCompletableFuture().get().orElseThrow().state();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aQueuedDispatchReachesTwilioAndStatusOnlyMovesForward() throws Exception {
        String pseudonym = subscribe("+22376555001", "ABONNER GAO FRA", "SMe2eSub1");
        Dispatch d = queueFor(pseudonym, "Les écoles sont des lieux sûrs. Envoyez AIDE au 36000.");

        Await.until("Twilio called", Duration.ofSeconds(20), () -> !twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=%2B22376555001"))).isEmpty());
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT, GatewayFixture.AUTH_TOKEN))
                .withRequestBody(containing("From=KUNNAFONI"))
                .withRequestBody(containing("Body=Les+%C3%A9coles"))
                .withRequestBody(containing("StatusCallback=https%3A%2F%2Fgateway.example.org%2Fchannels%2Ftwilio%2Fstatus")));
        Await.until("recorded as accepted", Duration.ofSeconds(10), () -> stateOf(d).rank() >= DispatchState.ACCEPTED.rank());

        assertThat(callback(d, "delivered").statusCode()).isEqualTo(200);
        assertThat(stateOf(d)).isEqualTo(DispatchState.DELIVERED);
        assertThat(callback(d, "sent").statusCode()).isEqualTo(200);
        assertThat(stateOf(d)).as("a late 'sent' never overwrites 'delivered'").isEqualTo(DispatchState.DELIVERED);
    }

    @Test
    void anOptedOutSubscriberNeverReceivesAnything() throws Exception {
        String pseudonym = subscribe("+22376555002", "ABONNER GAO BAM", "SMe2eSub2");
        gateway.postTwilio(GatewayFixture.twilioSms("SMe2eStop2", "+22376555002", "STOP"));
        Dispatch d = queueFor(pseudonym, "Message de sensibilisation");
        Await.until("skipped", Duration.ofSeconds(20), () -> stateOf(d) == DispatchState.SKIPPED_OPTED_OUT);
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("To=%2B22376555002"))))
                .isEmpty();
    }

    private static HttpResponse<String> callback(Dispatch d, String status) throws Exception {
        String path = "/channels/twilio/status?d=" + d.id();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM11111111111111111111111111111111");
        params.put("MessageStatus", status);
        params.put("AccountSid", ACCOUNT);
        params.put("To", "+22376555001");
        params.put("From", "KUNNAFONI");
        String signature = TwilioSigner.sign(GatewayFixture.AUTH_TOKEN, gateway.publicUrl(path), params);
        return gateway.postForm(path, params, Map.of("X-Twilio-Signature", signature));
    }
}
