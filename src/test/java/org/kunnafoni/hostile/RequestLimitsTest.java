package org.kunnafoni.hostile;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.web.ClientAddress;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body limits and per-client rate limits at the HTTP boundary. The gateway trusts 127.0.0.1 as a proxy here, so
 * X-Forwarded-For stands for different clients; the API allows 5 requests back to back, then one per 10 s.
 */
class RequestLimitsTest {
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        gateway = new GatewayFixture(dataDir, Map.of("KUNNAFONI_TRIAGE_WORKERS", "0",
                "KUNNAFONI_HTTP_API_REQUESTS_PER_SECOND", "0.1", "KUNNAFONI_HTTP_API_BURST", "5",
                "KUNNAFONI_HTTP_PARTNER_REQUESTS_PER_SECOND", "0.1", "KUNNAFONI_HTTP_PARTNER_BURST", "3",
                "KUNNAFONI_HTTP_TRUSTED_PROXIES", "127.0.0.1"), InstantSource.system());
        var login = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode(), "X-Forwarded-For", "10.0.0.1");
        adminToken = new JsonObject(login.body()).getString("token");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static int get(String path, String client) throws Exception {
        return gateway.send("GET", path, null, "Authorization", "Bearer " + adminToken, "X-Forwarded-For", client)
                .statusCode();
    }

    @Test
    void aClientAboveItsRateGets429WithRetryAfterAndOthersAreNotThrottled() throws Exception {
        String client = "192.0.2.10";
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/session", client)).as("request %d of the burst", i + 1).isEqualTo(200);
        }
        var refused = gateway.send("GET", "/api/session", null, "Authorization", "Bearer " + adminToken,
                "X-Forwarded-For", client);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 10);
        assertThat(new JsonObject(refused.body()).getString("error")).startsWith("too many requests");

        assertThat(get("/api/session", "192.0.2.11")).as("another client").isEqualTo(200);
        assertThat(gateway.get("/health").statusCode()).as("outside /api").isEqualTo(200);
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        assertThat(gateway.postTwilio(GatewayFixture.twilioSms(sid, "+22376123456", "Alerte à Gao")).statusCode())
                .as("the Twilio webhook is never limited by address").isEqualTo(200);
    }

    @Test
    void partnerApiHasItsOwnCount() throws Exception {
        String client = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.send("GET", "/partner/scripts", null, "X-Forwarded-For", client).statusCode())
                    .isEqualTo(401);
        }
        assertThat(gateway.send("GET", "/partner/scripts", null, "X-Forwarded-For", client).statusCode())
                .isEqualTo(429);
        assertThat(get("/api/session", client)).as("the API count of the same client is separate").isEqualTo(200);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedHopCountsAgainstTheProxyHop() throws Exception {
        // the proxy appends the address it saw; whatever the client wrote further left is ignored
        String proxySaw = "203.0.113.5";
        for (int i = 0; i < 5; i++) {
            assertThat(get("/api/session", "1.1.1." + i + ", " + proxySaw)).isEqualTo(200);
        }
        assertThat(get("/api/session", "9.9.9.9, " + proxySaw)).isEqualTo(429);
    }

    @ParameterizedTest(name = "{0} {1} with {2} bytes → 413")
    @CsvSource({
            "POST, /api/login, 65537",
            "POST, /partner/scripts/x/confirmations, 2049",
            "POST, /channels/twilio/sms, 16385",
            "POST, /channels/relay, 16385",
            "POST, /api/subscribers/import, 2097153",
            "GET, /health, 1",
            "POST, /, 10"})
    void bodiesAboveTheRouteLimitAre413(String method, String path, int bytes) throws Exception {
        long keys = gateway.redis().dbsize();
        byte[] body = "a".repeat(bytes).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Response response = RawHttp.exchange(gateway.port(), new RawHttp.Request(method, path,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "192.0.2." + (bytes % 200)), body), false);
        assertThat(response.status()).isEqualTo(413);
        assertThat(gateway.redis().dbsize()).isLessThanOrEqualTo(keys + 1); // at most the client's rate-limit key
        assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "remote {0}, X-Forwarded-For \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
            "10.0.0.9 | 192.0.2.1 | 10.0.0.9",
            "127.0.0.1 | 192.0.2.1 | 192.0.2.1",
            "127.0.0.1 | 6.6.6.6, 192.0.2.1 | 192.0.2.1",
            "127.0.0.1 | 192.0.2.1, 127.0.0.1 | 192.0.2.1",
            "127.0.0.1 | 127.0.0.1 | 127.0.0.1",
            "127.0.0.1 | evil-key}:x | 127.0.0.1",
            "127.0.0.1 | '' | 127.0.0.1",
            "127.0.0.1 | 2001:db8::1 | 2001:db8:0:0:0:0:0:1",
            "127.0.0.1 | 192.0.2.1, 2001:DB8:0:0::7 | 192.0.2.1",   // the trusted proxy however it spells itself
            "127.0.0.1 | ab.cd | 127.0.0.1",                        // hex letters and a dot: a name, not asked of DNS
            "127.0.0.1 | 999.1.1.1 | 127.0.0.1"})
    void clientAddressTrustsForwardedForOnlyFromAProxy(String remote, String forwarded, String expected) {
        assertThat(new ClientAddress(List.of("127.0.0.1", "2001:db8::7")).of(remote, forwarded)).isEqualTo(expected);
    }
}
