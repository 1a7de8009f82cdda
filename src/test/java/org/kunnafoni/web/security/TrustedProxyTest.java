package org.kunnafoni.web.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.app.ConfigException;
import org.kunnafoni.app.ConfigLoader;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Behind nginx on the same host (http.trusted-proxies = 127.0.0.1): the audit log and the per-address login
 * throttle see the client the proxy saw, so one attacker's failures do not lock every user out.
 */
class TrustedProxyTest {
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String admin;
    static final AtomicInteger attempts = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        gateway = new GatewayFixture(dataDir, Map.of("KUNNAFONI_HTTP_TRUSTED_PROXIES", "127.0.0.1, ::1",
                "KUNNAFONI_AUTH_LOGIN_MAX_FAILURES", "2"), InstantSource.system());
        admin = new JsonObject(gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode(), "X-Forwarded-For", "198.51.100.1").body())
                .getString("token");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** The address the audit log recorded for a failed login under a fresh user name. */
    static String auditedAddress(String forwardedFor) throws Exception {
        String user = "nobody-" + attempts.incrementAndGet();
        gateway.send("POST", "/api/login", new JsonObject().put("username", user).put("password", "wrong password")
                .encode(), "X-Forwarded-For", forwardedFor);
        JsonArray entries = new JsonObject(gateway.send("GET", "/api/audit?limit=500", null,
                "Authorization", "Bearer " + admin).body()).getJsonArray("entries");
        return entries.stream().map(JsonObject.class::cast).filter(e -> user.equals(e.getString("target")))
                .map(e -> e.getString("address")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.7|203.0.113.7",
            "10.0.0.1, 203.0.113.8|203.0.113.8",
            "203.0.113.9, 127.0.0.1|203.0.113.9",
            "2001:db8::42|2001:db8:0:0:0:0:0:42",
            "not-an-address, 203.0.113.10|203.0.113.10",
            "203.0.113.11, <script>|127.0.0.1",
            "127.0.0.1|127.0.0.1",
    })
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy(String header, String expected) throws Exception {
        assertThat(auditedAddress(header)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "trusted-proxies \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "''|[]",
            "127.0.0.1|[127.0.0.1]",
            "127.0.0.1, ::1|[127.0.0.1, 0:0:0:0:0:0:0:1]",
            "proxy.example.org|error",
            "10.0.0.0/8|error",
    })
    void trustedProxiesAreAddressLiteralsOnly(String value, String expected) {
        Map<String, String> env = Map.of("KUNNAFONI_HTTP_TRUSTED_PROXIES", value);
        if (expected.equals("error")) {
            assertThatThrownBy(() -> ConfigLoader.load(Path.of("config/gateway.yaml"), env))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("http.trusted-proxies");
        } else {
            assertThat(ConfigLoader.load(Path.of("config/gateway.yaml"), env).http().limits().trustedProxies())
                    .hasToString(expected);
        }
    }

    @Test
    void oneAddressWithManyFailuresDoesNotLockOthersOut() throws Exception {
        for (int i = 0; i < 8; i++) { // 4 × login-max-failures from one address, each with another name
            gateway.send("POST", "/api/login", new JsonObject().put("username", "guess-" + i)
                    .put("password", "wrong password").encode(), "X-Forwarded-For", "203.0.113.66");
        }
        HttpResponse<String> attacker = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode(), "X-Forwarded-For", "203.0.113.66");
        HttpResponse<String> colleague = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode(), "X-Forwarded-For", "198.51.100.20");
        assertThat(attacker.statusCode()).isEqualTo(429);
        assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(200);
    }
}
