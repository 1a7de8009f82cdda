package org.kunnafoni.fault;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twilio fails for a while mid-campaign — 500s, then 429s, then calls that never answer — and then recovers:
 * every dispatch is delivered once, nothing is sent twice, and after recovery no second carries more sends than
 * the configured rate (the retries that piled up during the outage go out paced, not in one burst). The outage
 * lasts {@code -Dkunnafoni.faults.outage} (default 60s, as the issue asks).
 */
class TwilioOutageTest {
    private static final int RATE = 5;
    private static final int SUBSCRIBERS = 60;
    private static final Duration OUTAGE = Duration.parse("PT" + System.getProperty("kunnafoni.faults.outage", "60s"));
    private static final String CAMPAIGN = "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},"
            + "\"regions\":[\"gao\"],\"languages\":[\"fra\"]}";

    @TempDir
    Path dataDir;
    private SwitchableTwilio twilio;
    private GatewayFixture gateway;

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    void aMinuteOfTwilioErrorsEndsWithEveryDispatchDeliveredOnceAndPaced() throws Exception {
        twilio = new SwitchableTwilio();
        Map<String, String> env = new HashMap<>(twilio.gatewayEnv());
        env.putAll(Map.of("KUNNAFONI_TRIAGE_WORKERS", "0",
                "KUNNAFONI_DISPATCH_QUIET_HOURS", "00:00-00:00",
                "KUNNAFONI_DISPATCH_SEGMENTS_PER_SECOND", Integer.toString(RATE),
                "KUNNAFONI_DISPATCH_BURST_SEGMENTS", "1",
                "KUNNAFONI_CAMPAIGNS_SCHEDULER_INTERVAL", "200ms",
                // the test polls the campaign every 20 ms for minutes: the per-address API limit is not under test
                "KUNNAFONI_HTTP_API_REQUESTS_PER_SECOND", "0"));
        gateway = new GatewayFixture(dataDir, env, InstantSource.system());
        Set<String> phones = IntStream.range(0, SUBSCRIBERS).mapToObj(i -> String.format("+2237800%04d", i))
                .collect(Collectors.toSet());
        for (String phone : phones) {
            assertThat(gateway.postTwilio(GatewayFixture.twilioSms("SMsub" + phone.substring(1), phone,
                    "ABONNER GAO FRA")).statusCode()).isEqualTo(200);
        }
        String token = login();
        HttpResponse<String> created = gateway.send("POST", "/api/campaigns", CAMPAIGN, "Authorization", "Bearer " + token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String campaign = new JsonObject(created.body()).getJsonObject("campaign").getString("id");

        Await.until("the first sends accepted", Duration.ofSeconds(30), () -> twilio.accepted() >= RATE);
        int acceptedBefore = twilio.accepted();
        long outageStart = System.nanoTime();
        List<SwitchableTwilio.Mode> phases = List.of(SwitchableTwilio.Mode.ERROR_500,
                SwitchableTwilio.Mode.TOO_MANY_429, SwitchableTwilio.Mode.NO_ANSWER);
        for (SwitchableTwilio.Mode phase : phases) {
            twilio.mode(phase);
            Thread.sleep(OUTAGE.dividedBy(phases.size()).toMillis()); // the outage's length, not a synchronisation
        }
        twilio.mode(SwitchableTwilio.Mode.ACCEPT);
        long recovered = System.nanoTime();
        int acceptedDuringOutage = twilio.accepted() - acceptedBefore;

        // settled either way (sent or given up), so the figures are written before anything is asserted
        Await.until("the campaign done", Duration.ofSeconds(180), () -> {
            JsonObject view = view(token, campaign);
            return "done".equals(view.getString("status")) && view.getJsonObject("progress").getLong("pending") == 0;
        });
        long everyoneNanos = System.nanoTime() - recovered;
        JsonObject progress = view(token, campaign).getJsonObject("progress");
        Map<SwitchableTwilio.Mode, Long> requests = twilio.arrivals().stream()
                .filter(r -> r.nanos() >= outageStart && r.nanos() < recovered)
                .collect(Collectors.groupingBy(SwitchableTwilio.Arrival::mode, Collectors.counting()));
        int maxAfter = twilio.maxPerSecondSince(recovered);
        int maxDuring = twilio.maxPerSecondSince(outageStart);
        new FaultReport("twilio_outage", "Twilio answers 500, then 429, then never answers, for "
                + OUTAGE.toSeconds() + " s mid-campaign, then recovers")
                .put("subscribers", SUBSCRIBERS)
                .put("rate_segments_per_second", RATE)
                .put("outage_s", OUTAGE.toSeconds())
                .put("failed_requests_during_outage", requests.entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)))
                .put("accepted_during_outage", acceptedDuringOutage)
                .put("accepted_sends", twilio.accepted())
                .put("duplicate_sends", twilio.duplicateSends())
                .put("progress_sent", progress.getLong("sent"))
                .put("progress_failed", progress.getLong("failed"))
                .put("failed_by_reason", progress.getJsonObject("failed_by_reason").getMap())
                .put("max_requests_in_any_1s_after_recovery", maxAfter)
                .put("max_requests_in_any_1s_from_outage_start", maxDuring)
                .put("recipients_reached", twilio.acceptedByRecipient().size())
                .put("max_attempts", "shipped default")
                .put("all_settled_after_recovery_s", FaultReport.seconds(everyoneNanos))
                .write();
        assertThat(progress.getLong("failed")).as("no dispatch given up").isZero();
        assertThat(progress.getLong("sent")).isEqualTo(SUBSCRIBERS);
        assertThat(twilio.acceptedByRecipient().keySet()).containsExactlyInAnyOrderElementsOf(phones);
        assertThat(twilio.duplicateSends()).as("no duplicate sends").isZero();
        assertThat(maxAfter).as("no second above the rate after recovery").isLessThanOrEqualTo(RATE);
    }

    private String login() throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    private JsonObject view(String token, String campaign) {
        try {
            return new JsonObject(gateway.send("GET", "/api/campaigns/" + campaign, null,
                    "Authorization", "Bearer " + token).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
