package org.kunnafoni.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, sessions, CSRF, roles and audit at the HTTP boundary. */
class ApiAuthTest {
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String adminToken;
    static String supervisorToken;
    static String monitorToken;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.start(dataDir);
        adminToken = login("admin", GatewayFixture.ADMIN_PASSWORD).getString("token");
        createUser("sup-mopti", "supervisor");
        createUser("mon-gao", "monitor");
        supervisorToken = login("sup-mopti", "password-of-sup-mopti").getString("token");
        monitorToken = login("mon-gao", "password-of-mon-gao").getString("token");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static JsonObject login(String user, String password) throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login",
                new JsonObject().put("username", user).put("password", password).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    static void createUser(String name, String role) throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/users", new JsonObject().put("username", name)
                .put("password", "password-of-" + name).put("role", role).encode(), "Authorization", "Bearer " + adminToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** Logs in on any gateway and answers the bearer token. */
    static String loginWith(GatewayFixture on, String user, String password) throws Exception {
        HttpResponse<String> r = on.send("POST", "/api/login",
                new JsonObject().put("username", user).put("password", password).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    /** Creates a user whose password is {@code password-of-<name>}. */
    static void createUserWith(GatewayFixture on, String adminToken, String name, String role) throws Exception {
        HttpResponse<String> r = on.send("POST", "/api/users", new JsonObject().put("username", name)
                .put("password", "password-of-" + name).put("role", role).encode(), "Authorization", "Bearer " + adminToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static String tokenFor(String role) {
        return switch (role) {
            case "admin" -> adminToken;
            case "supervisor" -> supervisorToken;
            case "monitor" -> monitorToken;
            default -> null;
        };
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET, /api/session, none, 401", "GET, /api/session, monitor, 200", "GET, /api/session, supervisor, 200",
            "GET, /api/session, admin, 200",
            "GET, /api/users, none, 401", "GET, /api/users, monitor, 403", "GET, /api/users, supervisor, 403",
            "GET, /api/users, admin, 200",
            "POST, /api/users, monitor, 403", "POST, /api/users, supervisor, 403",
            "PATCH, /api/users/mon-gao, monitor, 403", "PATCH, /api/users/mon-gao, supervisor, 403",
            "GET, /api/audit, none, 401", "GET, /api/audit, monitor, 403", "GET, /api/audit, supervisor, 200",
            "GET, /api/audit, admin, 200",
            "GET, /api/nothing-here, admin, 404",
    })
    void routeByRole(String method, String path, String role, int expected) throws Exception {
        String token = tokenFor(role);
        String body = method.equals("GET") ? null : "{}";
        HttpResponse<String> r = token == null ? gateway.send(method, path, body)
                : gateway.send(method, path, body, "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieThatAuthenticatesReads() throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login",
                new JsonObject().put("username", "mon-gao").put("password", "password-of-mon-gao").encode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("kf_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/")
                .contains("Secure");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> session = gateway.send("GET", "/api/session", null, "Cookie", pair);
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(session.body()).getString("role")).isEqualTo("monitor");
    }

    @Test
    void cookieRequestsThatChangeStateNeedTheCsrfTokenAndOurOrigin() throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login",
                new JsonObject().put("username", "admin").put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        String pair = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = new JsonObject(r.body()).getString("csrf");
        String user = new JsonObject().put("username", "csrf-victim").put("password", "a-long-password-1")
                .put("role", "admin").encode();

        assertThat(gateway.send("POST", "/api/users", user, "Cookie", pair).statusCode()).isEqualTo(403);
        assertThat(gateway.send("POST", "/api/users", user, "Cookie", pair, "X-CSRF-Token", "guess").statusCode())
                .isEqualTo(403);
        assertThat(gateway.send("POST", "/api/users", user, "Cookie", pair, "X-CSRF-Token", csrf,
                "Origin", "https://evil.example.com").statusCode()).isEqualTo(403);
        assertThat(gateway.send("GET", "/api/users", null, "Authorization", "Bearer " + adminToken).body())
                .doesNotContain("csrf-victim");
        assertThat(gateway.send("POST", "/api/users", user, "Cookie", pair, "X-CSRF-Token", csrf,
                "Origin", "https://gateway.example.org").statusCode()).isEqualTo(201);
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSameAndAreThrottled() throws Exception {
        createUser("mon-kidal", "monitor");
        String wrong = new JsonObject().put("username", "mon-kidal").put("password", "nope").encode();
        HttpResponse<String> first = gateway.send("POST", "/api/login", wrong);
        HttpResponse<String> unknown = gateway.send("POST", "/api/login",
                new JsonObject().put("username", "nobody-here").put("password", "nope").encode());
        assertThat(first.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(first.body());
        for (int i = 0; i < 4; i++) {
            gateway.send("POST", "/api/login", wrong);
        }
        HttpResponse<String> right = gateway.send("POST", "/api/login",
                new JsonObject().put("username", "mon-kidal").put("password", "password-of-mon-kidal").encode());
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
    }

    @ParameterizedTest(name = "bad login body {0}")
    @CsvSource(delimiter = '|', value = {"not json", "[1,2]", "{\"username\":\"admin\"}", "{\"username\":1,\"password\":2}"})
    void badLoginBodiesAre400(String body) throws Exception {
        assertThat(gateway.send("POST", "/api/login", body).statusCode()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        createUser("mon-temp", "monitor");
        String token = login("mon-temp", "password-of-mon-temp").getString("token");
        assertThat(gateway.send("POST", "/api/logout", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(204);
        assertThat(gateway.send("GET", "/api/session", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
    }

    @Test
    void disablingAUserEndsTheirSessionsAndLogins() throws Exception {
        createUser("mon-leaving", "monitor");
        String token = login("mon-leaving", "password-of-mon-leaving").getString("token");
        assertThat(gateway.send("PATCH", "/api/users/mon-leaving", "{\"disabled\":true}",
                "Authorization", "Bearer " + adminToken).statusCode()).isEqualTo(204);
        assertThat(gateway.send("GET", "/api/session", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
        assertThat(gateway.send("POST", "/api/login", new JsonObject().put("username", "mon-leaving")
                .put("password", "password-of-mon-leaving").encode()).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "invalid user {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"username\":\"A B\",\"password\":\"long-enough-pass\",\"role\":\"monitor\"}",
            "{\"username\":\"short-pass\",\"password\":\"short\",\"role\":\"monitor\"}",
            "{\"username\":\"bad-role\",\"password\":\"long-enough-pass\",\"role\":\"king\"}",
    })
    void invalidUsersAreRefusedAndNothingIsCreated(String body) throws Exception {
        assertThat(gateway.send("POST", "/api/users", body, "Authorization", "Bearer " + adminToken).statusCode())
                .isEqualTo(400);
        assertThat(gateway.send("GET", "/api/users", null, "Authorization", "Bearer " + adminToken).body())
                .doesNotContain("short-pass").doesNotContain("bad-role");
    }

    @Test
    void duplicateUserIs409() throws Exception {
        String body = new JsonObject().put("username", "mon-gao").put("password", "another-password")
                .put("role", "admin").encode();
        assertThat(gateway.send("POST", "/api/users", body, "Authorization", "Bearer " + adminToken).statusCode())
                .isEqualTo(409);
    }

    @Test
    void auditRecordsLoginsAndUserChangesWithWhoAndWhere() throws Exception {
        HttpResponse<String> r = gateway.send("GET", "/api/audit?limit=500", null, "Authorization", "Bearer " + supervisorToken);
        List<Object> entries = new JsonObject(r.body()).getJsonArray("entries").getList();
        assertThat(entries).isNotEmpty();
        String all = r.body();
        assertThat(all).contains("\"action\":\"login\"").contains("\"action\":\"user_created\"")
                .contains("\"actor\":\"admin\"").contains("\"target\":\"mon-gao\"").contains("127.0.0.1")
                .doesNotContain("password-of");
        assertThat(gateway.send("GET", "/api/audit?limit=0", null, "Authorization", "Bearer " + supervisorToken)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void everyAnswerCarriesStrictSecurityHeaders() throws Exception {
        for (String path : List.of("/health", "/api/session", "/nowhere")) {
            HttpResponse<String> r = gateway.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }
}
