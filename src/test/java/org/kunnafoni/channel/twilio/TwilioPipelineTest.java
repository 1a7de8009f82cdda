package org.kunnafoni.channel.twilio;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kunnafoni.dispatch.Backoff;
import org.kunnafoni.dispatch.ConsentCheck;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchPipeline;
import org.kunnafoni.dispatch.InMemoryDispatchStore;
import org.kunnafoni.dispatch.MutableClock;
import org.kunnafoni.dispatch.PipelineOutcome;
import org.kunnafoni.dispatch.QuietHours;
import org.kunnafoni.dispatch.RateLimiter;
import org.kunnafoni.dispatch.Recipient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.kunnafoni.channel.twilio.TwilioSenderTest.ACCOUNT;
import static org.kunnafoni.channel.twilio.TwilioSenderTest.MESSAGES;
import static org.kunnafoni.channel.twilio.TwilioSenderTest.TOKEN;

/** The dispatch pipeline with the real Twilio adapter and WireMock as Twilio: retries, permanent errors, 21610. */
class TwilioPipelineTest {
    static WireMockServer twilio;
    static ExecutorService pool;

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T12:00:00Z"));
    final InMemoryDispatchStore store = new InMemoryDispatchStore();
    final Set<String> optedOut = new HashSet<>();

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

    DispatchPipeline pipeline() {
        ConsentCheck consent = new ConsentCheck() {
            @Override
            public synchronized CompletionStage<Optional<Recipient>> recipient(String pseudonym) {
                return CompletableFuture.completedFuture(Optional.of(
                        new Recipient(pseudonym, optedOut.contains(pseudonym), "+22376000001")));
            }

            @Override
            public synchronized CompletionStage<Void> optOut(String pseudonym, String source, Instant at) {
                optedOut.add(pseudonym);
                return CompletableFuture.completedFuture(null);
            }
        };
        RateLimiter unlimited = (sender, cost) -> CompletableFuture.completedFuture(new RateLimiter.Decision.Granted());
        TwilioSender sender = new TwilioSender(URI.create(twilio.baseUrl()), URI.create("https://gateway.example.org"),
                Optional.empty(), Optional.of(new TwilioCredentials(ACCOUNT, TOKEN)), pool);
        return new DispatchPipeline(store, consent, QuietHours.bamakoDefault(clock), unlimited,
                Map.of("twilio", sender), Backoff.standard(), new SplittableRandom(3), clock, Duration.ofMinutes(2),
                Duration.ofSeconds(30));
    }

    String runToEnd(DispatchPipeline pipeline, String recipient) {
        Dispatch d = Dispatch.planned("run-7", recipient, Optional.empty(), "twilio", "KUNNAFONI", "Bonjour", clock.instant());
        store.create(d);
        for (int i = 0; i < 20; i++) {
            PipelineOutcome outcome = pipeline.run(d.id()).toCompletableFuture().join();
            if (outcome instanceof PipelineOutcome.Done done) {
                return done.state();
            }
            clock.set(((PipelineOutcome.Later) outcome).due());
        }
        throw new AssertionError("never finished");
    }

    @Test
    void a429ThenCreatedIsRetriedByOurBackoff() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TwilioSenderTest.error(429, 20429)).willSetStateTo("calm"));
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(TwilioSenderTest.created("SM0000000000000000000000000000abcd")));
        assertThat(runToEnd(pipeline(), "R-THROTTLED")).isEqualTo("accepted");
        twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(store.get(Dispatch.idFor("run-7", "R-THROTTLED")).providerId())
                .contains("SM0000000000000000000000000000abcd");
    }

    @Test
    void persistent5xxFailsWithTheReasonAfterMaxAttempts() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(TwilioSenderTest.error(500, null)));
        assertThat(runToEnd(pipeline(), "R-OUTAGE")).isEqualTo("failed");
        twilio.verify(5, postRequestedFor(urlEqualTo(MESSAGES)));
        assertThat(store.get(Dispatch.idFor("run-7", "R-OUTAGE")).lastError())
                .contains("gave up after 5 attempts: http 500");
    }

    @Test
    void aPermanentErrorIsNotRetried() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(TwilioSenderTest.error(400, 21614)));
        assertThat(runToEnd(pipeline(), "R-LANDLINE")).isEqualTo("failed");
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void error21610OptsTheSubscriberOutAndNothingMoreIsSent() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(TwilioSenderTest.error(400, 21610)));
        DispatchPipeline pipeline = pipeline();
        assertThat(runToEnd(pipeline, "R-STOP")).isEqualTo("skipped_opted_out");
        assertThat(optedOut).containsExactly("R-STOP");
        Dispatch next = Dispatch.planned("run-8", "R-STOP", Optional.empty(), "twilio", "KUNNAFONI", "Encore",
                clock.instant());
        store.create(next);
        assertThat(pipeline.run(next.id()).toCompletableFuture().join())
                .isEqualTo(new PipelineOutcome.Done(next.id(), "skipped_opted_out"));
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }
}
