package org.kunnafoni.web.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kunnafoni.channel.relay.RelayDevices;
import org.kunnafoni.channel.relay.RelayWebhook;
import org.kunnafoni.channel.twilio.TwilioSmsWebhook;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.web.ApiModule;
import org.kunnafoni.web.HttpVerticle;
import org.kunnafoni.web.OperationsRoutes;
import org.kunnafoni.web.RootModule;
import org.kunnafoni.web.RequestLimits;
import org.kunnafoni.web.WebDependencies;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real HTTP verticle with routes that fail the way bugs do (an exception with personal data in its
 * message, a failed future, an explicit 5xx): the client gets a generic answer and a correlation id, the log
 * gets the id and the stack trace. Published over plain http (no public URL): no HSTS.
 */
class ErrorAnswersTest {
    private static final String SECRET = "+22376543219 said: enfants enlevés";
    static Vertx vertx;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        port = FreePorts.next();
        var registry = new SimpleMeterRegistry();
        RootModule failing = root -> {
            root.get("/boom").handler(ctx -> {
                throw new IllegalStateException(SECRET);
            });
            root.get("/failed").handler(ctx -> ctx.fail(new RuntimeException(SECRET)));
            root.get("/unavailable").handler(ctx -> ctx.fail(503));
        };
        ApiModule failingApi = api -> {
            api.get("/boom").handler(ctx -> {
                throw new IllegalArgumentException(SECRET);
            });
            api.post("/echo").handler(ctx -> ctx.response().end("ok"));
        };
        WebDependencies deps = new WebDependencies("127.0.0.1", port, 4096, Duration.ofSeconds(1),
                new TwilioSmsWebhook(URI.create("http://localhost"), Optional.empty(), null, InstantSource.system(),
                        registry, 4096),
                new RelayWebhook(new RelayDevices(Map.of()), null, InstantSource.system(), registry, null),
                new OperationsRoutes(null, null, null, null), List.of(failingApi), List.of(failing),
                RequestLimits.none(), null, null);
        vertx.deployVerticle(new HttpVerticle(deps)).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET, /boom, 500, internal error",
            "GET, /failed, 500, internal error",
            "GET, /unavailable, 503, internal error",
            "GET, /api/boom, 500, internal error",
    })
    void failuresAnswerGenericallyWithAnIdThatIsInTheLog(String method, String path, int status, String text)
            throws Exception {
        HttpResponse<String> r;
        String log;
        try (LogCapture capture = new LogCapture()) {
            r = send(method, path, null);
            log = capture.all();
        }
        assertThat(r.statusCode()).isEqualTo(status);
        String id = r.headers().firstValue("X-Error-Id").orElseThrow();
        assertThat(id).matches("[A-Za-z0-9_-]{12}");
        assertThat(r.body()).contains(text).contains(id).doesNotContain("76543219").doesNotContain("enlevés")
                .doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at io.");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(log).contains("error " + id);
        if (path.startsWith("/api/")) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(new JsonObject(r.body()).getString("error_id")).isEqualTo(id);
        } else {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        }
    }

    @Test
    void theStackTraceGoesToTheLogOnly() throws Exception {
        try (LogCapture capture = new LogCapture()) {
            HttpResponse<String> r = send("GET", "/boom", null);
            String id = r.headers().firstValue("X-Error-Id").orElseThrow();
            assertThat(capture.lines()).anySatisfy(line -> assertThat(line).contains("error " + id)
                    .contains("IllegalStateException").contains("ErrorAnswersTest"));
        }
    }

    @Test
    void anOversizedApiBodyIsA413InJsonWithoutDetails() throws Exception {
        HttpResponse<String> r = send("POST", "/api/echo", "x".repeat(70 * 1024));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("request body too large");
    }

    @Test
    void plainHttpPublicationSendsNoHsts() throws Exception {
        HttpResponse<String> r = send("GET", "/health", null);
        assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
