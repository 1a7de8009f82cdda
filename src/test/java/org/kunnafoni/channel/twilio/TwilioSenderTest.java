package org.kunnafoni.channel.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.dispatch.OutboundMessage;
import org.kunnafoni.dispatch.SendError;
import org.kunnafoni.dispatch.SendResult;
import org.kunnafoni.dispatch.SendSlot;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Twilio adapter against WireMock standing in for the Twilio REST API. */
class TwilioSenderTest {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "outbound-test-token";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final String SERVICE = "MG0123456789abcdef0123456789abcdef";
    static final URI PUBLIC = URI.create("https://gateway.example.org/");

    static WireMockServer twilio;
    static ExecutorService pool;
    final AtomicInteger poolTasks = new AtomicInteger();

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        pool = TwilioSender.workerPool(2);
    }

    @AfterAll
    static void stop() {
        twilio.stop();
        pool.shutdownNow();
    }

    @AfterEach
    void reset() {
        twilio.resetAll();
    }

    TwilioSender sender(Optional<Duration> validity, boolean withCredentials) {
        return new TwilioSender(URI.create(twilio.baseUrl()), PUBLIC, validity,
                withCredentials ? Optional.of(new TwilioCredentials(ACCOUNT, TOKEN)) : Optional.empty(),
                task -> {
                    poolTasks.incrementAndGet();
                    pool.execute(task);
                });
    }

    static ResponseDefinitionBuilder created(String sid) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(
                "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"queued\",\"body\":\"x\"}");
    }

    static ResponseDefinitionBuilder error(int status, Integer code) {
        if (code == null) {
            return aResponse().withStatus(status);
        }
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(
                "{\"code\":" + code + ",\"message\":\"refused\",\"more_info\":\"https://www.twilio.com/docs/errors/"
                        + code + "\",\"status\":" + status + "}");
    }

    static OutboundMessage message(String sender) {
        return new OutboundMessage("D-0123456789abcdef01234567", "twilio", "+22376000001", sender,
                "Appelez le 116 si un enfant est en danger.", 1);
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return fields;
    }

    SendResult send(TwilioSender sender, OutboundMessage message) {
        return sender.send(message).toCompletableFuture().join();
    }

    @Test
    void postsTheExactFormWithBasicAuthFromAnAlphanumericSender() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created("SM00000000000000000000000000000001")));
        SendResult result = send(sender(Optional.empty(), true), message("KUNNAFONI"));
        assertThat(result).isEqualTo(new SendResult.Accepted("SM00000000000000000000000000000001"));
        LoggedRequest request = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "To", "+22376000001",
                "From", "KUNNAFONI",
                "Body", "Appelez le 116 si un enfant est en danger.",
                "StatusCallback", "https://gateway.example.org/channels/twilio/status?d=D-0123456789abcdef01234567"));
        assertThat(poolTasks).hasValue(1);
    }

    @Test
    void usesTheMessagingServiceAndValidityPeriodWhenGiven() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created("SM00000000000000000000000000000002")));
        send(sender(Optional.of(Duration.ofHours(4)), true), message(SERVICE));
        Map<String, String> fields = form(twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).get(0));
        assertThat(fields).containsEntry("MessagingServiceSid", SERVICE).containsEntry("ValidityPeriod", "14400")
                .doesNotContainKey("From");
    }

    @ParameterizedTest(name = "http {0} code {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "429, 20429, Retry",
            "429, -,     Retry",
            "500, -,     Retry",
            "503, 20503, Retry",
            "400, 21211, Permanent",
            "400, 21614, Permanent",
            "400, 21610, OptedOut",
            "401, 20003, Held",
    })
    void mapsTwilioErrorsAndMakesExactlyOneCall(int status, Integer code, String expected) {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(error(status, code)));
        SendResult result = send(sender(Optional.empty(), true), message("KUNNAFONI"));
        String kind = result instanceof SendResult.Failed failed ? failed.error().getClass().getSimpleName()
                : result.getClass().getSimpleName();
        assertThat(kind).isEqualTo(expected);
        // the SDK's own 5xx retry is off: our back-off decides, and counts every attempt
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void anUnreachableTwilioIsRetryable() {
        TwilioSender sender = new TwilioSender(URI.create("http://127.0.0.1:1"), PUBLIC, Optional.empty(),
                Optional.of(new TwilioCredentials(ACCOUNT, TOKEN)), pool);
        SendResult result = send(sender, message("KUNNAFONI"));
        assertThat(result).isInstanceOf(SendResult.Failed.class);
        assertThat(((SendResult.Failed) result).error()).isInstanceOf(SendError.Retry.class);
    }

    @Test
    void heldWithoutCredentialsThenSentOnceConfigured() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created("SM00000000000000000000000000000003")));
        TwilioSender sender = sender(Optional.empty(), false);
        assertThat(send(sender, message("KUNNAFONI"))).isEqualTo(new SendResult.Held("twilio credentials missing"));
        twilio.verify(0, postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(TwilioCredentials.of(ACCOUNT, Optional.of(" "))).isEmpty();
        sender.configure(TwilioCredentials.of(ACCOUNT, Optional.of(TOKEN)));
        assertThat(send(sender, message("KUNNAFONI")))
                .isEqualTo(new SendResult.Accepted("SM00000000000000000000000000000003"));
    }

    @Test
    void aCallWithoutAnswerEndsAtTheRequestTimeoutAndIsMarkedUnanswered() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created("SM00000000000000000000000000000004")
                .withFixedDelay(5_000)));
        TwilioSender sender = new TwilioSender(URI.create(twilio.baseUrl()), PUBLIC, Optional.empty(),
                Optional.of(new TwilioCredentials(ACCOUNT, TOKEN)), pool,
                new TwilioSender.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(300)), InstantSource.system());
        long start = System.nanoTime();
        SendResult result = send(sender, message("KUNNAFONI"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the SDK's 30.5 s").isLessThan(Duration.ofSeconds(4));
        assertThat(((SendResult.Failed) result).error()).isInstanceOf(SendError.Unanswered.class)
                .extracting(SendError::reason).asString().contains("may have taken the message");
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    /** The slot is checked on the pool thread right before the call; the clock is pinned past the slot. */
    @ParameterizedTest(name = "checked {0} ms after the slot -> {1} request(s)")
    @CsvSource({"0, 1", "10, 1", "11, 0", "500, 0"})
    void aSlotReachedTooLateIsGivenUpWithoutCallingTwilio(long lateMillis, int requests) {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(created("SM00000000000000000000000000000005")));
        Instant slotAt = Instant.parse("2025-03-10T12:00:00Z");
        TwilioSender sender = new TwilioSender(URI.create(twilio.baseUrl()), PUBLIC, Optional.empty(),
                Optional.of(new TwilioCredentials(ACCOUNT, TOKEN)), pool, TwilioSender.Timeouts.defaults(),
                InstantSource.fixed(slotAt.plusMillis(lateMillis)));
        SendResult result = sender.sendAt(message("KUNNAFONI"), new SendSlot(slotAt, Duration.ofMillis(15)))
                .toCompletableFuture().join();
        assertThat(result).isEqualTo(requests == 1 ? new SendResult.Accepted("SM00000000000000000000000000000005")
                : new SendResult.SlotMissed(Duration.ofMillis(lateMillis)));
        twilio.verify(requests, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aRefusedConnectionIsNotUnanswered() {
        assertThat(TwilioSender.neverSent(new RuntimeException(new java.net.ConnectException("refused")))).isTrue();
        assertThat(TwilioSender.neverSent(new RuntimeException(new java.net.SocketTimeoutException("Read timed out"))))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json, http://fake:8080/2010-04-01/Accounts/AC1/Messages.json",
            "https://messaging.twilio.com/v1/Services, http://fake:8080/v1/Services",
            "https://api.twilio.com, http://fake:8080",
            "https://api.twilio.com.evil.org/x, https://api.twilio.com.evil.org/x",
    })
    void rebasesTwilioOriginsOnly(String url, String expected) {
        assertThat(BaseUrlHttpClient.rebase(url, "http://fake:8080")).isEqualTo(expected);
    }
}
