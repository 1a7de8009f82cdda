package org.kunnafoni.web.security;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioSigner;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers on every kind of answer, CORS closed, and Twilio signatures behind a TLS-terminating proxy: the
 * gateway listens on plain http on 127.0.0.1, its public URL is {@code https://gateway.example.org}.
 */
class HeadersAndProxyTest {
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.start(dataDir);
        HttpResponse<String> login = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        token = new JsonObject(login.body()).getString("token");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> call(String method, String path, boolean authenticated) throws Exception {
        String body = method.equals("GET") || method.equals("OPTIONS") ? null : "{}";
        return authenticated ? gateway.send(method, path, body, "Authorization", "Bearer " + token)
                : gateway.send(method, path, body);
    }

    @ParameterizedTest(name = "{0} {1} (auth {2}) → {3}, Cache-Control {4}")
    @CsvSource({
            "GET, /health, false, 200, no-store",
            "GET, /ready, false, 200, no-store",
            "GET, /, false, 200, no-cache",
            "GET, /js/app.js, false, 200, no-cache",
            "GET, /no-such-file.js, false, 404, no-store",
            "GET, /api/session, false, 401, no-store",
            "GET, /api/session, true, 200, no-store",
            "GET, /api/users, true, 200, no-store",
            "PATCH, /api/users/nobody-here, true, 404, no-store",
            "POST, /api/login, false, 400, no-store",
            "GET, /api/no-such-route, true, 404, no-store",
            "POST, /channels/twilio/sms, false, 403, no-store",
            "DELETE, /health, false, 413, no-store", // a body where none is taken: refused before routing
    })
    void everyAnswerCarriesTheSecurityHeaders(String method, String path, boolean authenticated, int status,
                                              String cacheControl) throws Exception {
        HttpResponse<String> r = call(method, path, authenticated);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue(cacheControl);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(r.headers().firstValue("Server")).as("no product or version disclosed").isEmpty();
        assertThat(r.headers().firstValue("X-Powered-By")).isEmpty();
    }

    /** ASVS 7.2.2: refused access decisions are logged (who, what, from where), never the token. */
    @Test
    void refusedAccessDecisionsAreLogged() throws Exception {
        HttpResponse<String> login = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        try (LogCapture capture = new LogCapture()) {
            gateway.send("POST", "/api/users", "{}", "Cookie", cookie, "X-CSRF-Token", "forged");
            assertThat(capture.all()).contains("refused POST /api/users by admin from 127.0.0.1")
                    .doesNotContain(cookie.substring(cookie.indexOf('=') + 1));
        }
    }

    @Test
    void loginAndLogoutAnswersAreNeverStored() throws Exception {
        HttpResponse<String> login = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
        String own = new JsonObject(login.body()).getString("token");
        HttpResponse<String> logout = gateway.send("POST", "/api/logout", null, "Authorization", "Bearer " + own);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @ParameterizedTest(name = "CORS {0} {1} from {2}")
    @CsvSource({
            "OPTIONS, /api/session, https://evil.example.com",
            "OPTIONS, /api/login, https://gateway.example.org",
            "GET, /api/session, https://evil.example.com",
            "GET, /api/leads, null",
    })
    void corsIsClosed(String method, String path, String origin) throws Exception {
        HttpResponse<String> r = gateway.send(method, path, null, "Authorization", "Bearer " + token,
                "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void aCookieRequestFromAnotherOriginCannotChangeState() throws Exception {
        HttpResponse<String> login = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = new JsonObject(login.body()).getString("csrf");
        HttpResponse<String> r = gateway.send("POST", "/api/logout", null, "Cookie", cookie, "X-CSRF-Token", csrf,
                "Origin", "https://gateway.example.org.evil.example.com");
        assertThat(r.statusCode()).isEqualTo(403);
    }

    /** Without http.trusted-proxies a client cannot choose the address the audit log and throttle see. */
    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        gateway.send("POST", "/api/login", new JsonObject().put("username", "spoofer").put("password", "wrong password")
                .encode(), "X-Forwarded-For", "203.0.113.99");
        String audit = gateway.send("GET", "/api/audit?limit=500", null, "Authorization", "Bearer " + token).body();
        assertThat(audit).contains("\"target\":\"spoofer\"").doesNotContain("203.0.113.99");
    }

    /**
     * The proxy terminates TLS and forwards over plain http: Twilio signed the https public URL, and that is the
     * URL the gateway checks — not the internal http://127.0.0.1:port it was reached on, not another host.
     */
    @ParameterizedTest(name = "signed for {0} → {1}")
    @CsvSource({
            "https://gateway.example.org/channels/twilio/sms, 200",
            "https://gateway.example.org/channels/twilio/sms/, 403",
            "http://gateway.example.org/channels/twilio/sms, 403",
            "https://other.example.org/channels/twilio/sms, 403",
            "https://gateway.example.org:8443/channels/twilio/sms, 403",
            "INTERNAL, 403",
    })
    void twilioSignaturesAreCheckedAgainstThePublicHttpsUrl(String signedUrl, int status) throws Exception {
        Map<String, String> sms = GatewayFixture.twilioSms("SMproxy" + Math.abs(signedUrl.hashCode()),
                "+22370000001", "bonjour");
        String url = signedUrl.equals("INTERNAL") ? gateway.baseUrl() + "/channels/twilio/sms" : signedUrl;
        String signature = TwilioSigner.sign(GatewayFixture.AUTH_TOKEN, url, sms);
        HttpResponse<String> r = gateway.postForm("/channels/twilio/sms", sms, Map.of("X-Twilio-Signature", signature,
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "other.example.org"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    }
}
