package org.kunnafoni.channel.twilio;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.dispatch.DeliveryReports;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.dispatch.DispatchStore;
import org.kunnafoni.dispatch.InMemoryDispatchStore;
import org.kunnafoni.dispatch.Recipient;
import org.kunnafoni.support.Forms;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.support.TwilioSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/** Status callbacks through a real Vert.x server with the handler mounted, signed like Twilio signs them. */
class TwilioStatusWebhookTest {
    static final String TOKEN = "status-callback-token-0001";
    static final String PUBLIC = "https://gateway.example.org";
    static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    static Vertx vertx;
    static int port;
    static final InMemoryDispatchStore store = new InMemoryDispatchStore();
    static final List<String> optOuts = new ArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        port = FreePorts.next();
        org.kunnafoni.dispatch.ConsentCheck consent = new org.kunnafoni.dispatch.ConsentCheck() {
            @Override
            public CompletionStage<Optional<Recipient>> recipient(String pseudonym) {
                return CompletableFuture.completedFuture(Optional.empty());
            }

            @Override
            public synchronized CompletionStage<Void> optOut(String pseudonym, String source, Instant at) {
                optOuts.add(pseudonym);
                return CompletableFuture.completedFuture(null);
            }
        };
        TwilioStatusWebhook webhook = new TwilioStatusWebhook(URI.create(PUBLIC), Optional.of(TOKEN),
                new DeliveryReports(store, consent, InstantSource.fixed(NOW)), new SimpleMeterRegistry());
        Router router = Router.router(vertx);
        router.post(TwilioStatusWebhook.PATH).handler(BodyHandler.create()).handler(webhook);
        HttpServer server = vertx.createHttpServer().requestHandler(router);
        server.listen(port, "127.0.0.1").await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    /** A dispatch the pipeline has handed to Twilio (accepted, provider id known). */
    static Dispatch acceptedDispatch(String recipient, String sid, boolean recorded) {
        Dispatch d = Dispatch.planned(UUID.randomUUID().toString(), recipient, Optional.empty(), "twilio", "KUNNAFONI",
                "message", NOW);
        store.create(d);
        store.claim(d.id(), NOW, java.time.Duration.ofMinutes(2));
        if (recorded) {
            store.advance(d.id(), new DispatchStore.StatusUpdate(DispatchState.ACCEPTED, Optional.of(sid),
                    Optional.empty(), OptionalInt.of(1), NOW));
        }
        return d;
    }

    static HttpResponse<String> callback(String query, Map<String, String> params, String token) throws Exception {
        String path = TwilioStatusWebhook.PATH + query;
        String signature = TwilioSigner.sign(token, PUBLIC + path, params);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> params(String sid, String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MessageSid", sid);
        p.put("SmsSid", sid);
        p.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        p.put("MessageStatus", status);
        p.put("SmsStatus", status);
        p.put("From", "KUNNAFONI");
        p.put("To", "+22376000001");
        p.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            p.put("ErrorCode", errorCode);
        }
        return p;
    }

    @ParameterizedTest(name = "{0} (id in URL: {1}) -> {2}")
    @CsvSource({
            "'sent,delivered',              true,  delivered",
            "'delivered,sent',              true,  delivered",
            "'sent,sent,sent',              true,  sent",
            "'queued,sending,sent',         true,  sent",
            "'delivered,delivered',         true,  delivered",
            "'sent,undelivered,delivered',  true,  undelivered",
            "'delivered,failed',            true,  delivered",
            "'sent,delivered,read',         true,  delivered",
            "'sent,delivered',              false, delivered",
            "'delivered,queued',            false, delivered",
    })
    void statesOnlyMoveForward(String statuses, boolean idInUrl, String expected) throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Dispatch d = acceptedDispatch("R-ORDER", sid, true);
        for (String status : statuses.split(",")) {
            String query = idInUrl ? "?d=" + d.id() : "";
            HttpResponse<String> response = callback(query, params(sid, status, null), TOKEN);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/xml"));
        }
        assertThat(store.get(d.id()).state().id()).isEqualTo(expected);
    }

    @Test
    void aCallbackThatOvertakesOurRecordFindsItsDispatchByTheSignedId() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Dispatch d = acceptedDispatch("R-RACE", sid, false);
        assertThat(callback("?d=" + d.id(), params(sid, "sent", null), TOKEN).statusCode()).isEqualTo(200);
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.SENT);
        assertThat(store.get(d.id()).providerId()).contains(sid);
        store.advance(d.id(), new DispatchStore.StatusUpdate(DispatchState.ACCEPTED, Optional.of(sid),
                Optional.empty(), OptionalInt.of(1), NOW));
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.SENT);
    }

    @Test
    void failuresKeepTheirErrorAnd21610OptsTheRecipientOut() throws Exception {
        String filtered = "SM" + UUID.randomUUID().toString().replace("-", "");
        Dispatch first = acceptedDispatch("R-FILTERED", filtered, true);
        callback("", params(filtered, "undelivered", "30007"), TOKEN);
        assertThat(store.get(first.id()).state()).isEqualTo(DispatchState.UNDELIVERED);
        assertThat(store.get(first.id()).lastError()).hasValueSatisfying(e -> assertThat(e).contains("30007"));

        String stopped = "SM" + UUID.randomUUID().toString().replace("-", "");
        Dispatch second = acceptedDispatch("R-STOPPED", stopped, true);
        callback("?d=" + second.id(), params(stopped, "failed", "21610"), TOKEN);
        assertThat(store.get(second.id()).state()).isEqualTo(DispatchState.FAILED);
        assertThat(optOuts).contains("R-STOPPED").doesNotContain("R-FILTERED");
    }

    @Test
    void forgedOrUnknownCallbacksChangeNothing() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Dispatch d = acceptedDispatch("R-FORGED", sid, true);
        assertThat(callback("?d=" + d.id(), params(sid, "delivered", null), "wrong-token").statusCode()).isEqualTo(403);
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.ACCEPTED);
        assertThat(callback("", params("SMunknown", "delivered", null), TOKEN).statusCode()).isEqualTo(200);
        assertThat(callback("", params(sid, "mystery", null), TOKEN).statusCode()).isEqualTo(200);
        assertThat(store.get(d.id()).state()).isEqualTo(DispatchState.ACCEPTED);
        Map<String, String> noStatus = params(sid, "sent", null);
        noStatus.remove("MessageStatus");
        assertThat(callback("", noStatus, TOKEN).statusCode()).isEqualTo(400);
    }
}
