package org.kunnafoni.web.security;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.dispatch.MutableClock;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session lifetime (idle 30 min, absolute 8 h, both on a pinned clock), session rotation at login and at a
 * password change, password rules (ASVS 2.1) at the account API, and what those paths log.
 */
class SessionAndPasswordTest {
    @TempDir
    static Path dataDir;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    static final AtomicInteger users = new AtomicInteger();
    static GatewayFixture gateway;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        gateway = new GatewayFixture(dataDir, Map.of("KUNNAFONI_AUTH_SESSION_TTL", "8h",
                "KUNNAFONI_AUTH_SESSION_IDLE", "30m"), clock);
        admin = token(login("admin", GatewayFixture.ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    static HttpResponse<String> login(String user, String password, String... headers) throws Exception {
        return gateway.send("POST", "/api/login",
                new JsonObject().put("username", user).put("password", password).encode(), headers);
    }

    static String token(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    static int session(String token) throws Exception {
        return gateway.send("GET", "/api/session", null, "Authorization", "Bearer " + token).statusCode();
    }

    /** A fresh monitor account (its own name, so tests do not share throttles or sessions). */
    static String newUser(String password) throws Exception {
        String name = "user-" + users.incrementAndGet();
        HttpResponse<String> r = gateway.send("POST", "/api/users", new JsonObject().put("username", name)
                .put("password", password).put("role", "monitor").encode(), "Authorization", "Bearer " + admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return name;
    }

    @Test
    void anIdleSessionEndsAndAnActiveOneLivesUntilItsAbsoluteExpiry() throws Exception {
        String idle = token(login(newUser("idle password 1"), "idle password 1"));
        String active = token(login(newUser("active password 1"), "active password 1"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(session(active)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(session(idle)).as("31 minutes unused").isEqualTo(401);
        assertThat(session(active)).as("used 2 minutes ago").isEqualTo(200);
        for (int i = 0; i < 16; i++) { // used every 25 minutes: never idle, up to 7 h 11 min in all
            clock.advance(Duration.ofMinutes(25));
            assertThat(session(active)).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(25)); // 7 h 36 min
        assertThat(session(active)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(25)); // 8 h 01 min: past the absolute limit however active
        assertThat(session(active)).isEqualTo(401);
        assertThat(session(idle)).isEqualTo(401);
        admin = token(login("admin", GatewayFixture.ADMIN_PASSWORD));
    }

    @Test
    void loginIssuesANewSessionAndEndsTheOneTheBrowserCameWith() throws Exception {
        String name = newUser("rotation password");
        HttpResponse<String> first = login(name, "rotation password");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> second = login(name, "rotation password", "Cookie", cookie);
        assertThat(token(second)).isNotEqualTo(token(first));
        assertThat(gateway.send("GET", "/api/session", null, "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(session(token(second))).isEqualTo(200);
    }

    @Test
    void anAdminSettingAPasswordEndsEverySessionOfThatUser() throws Exception {
        String name = newUser("before the reset");
        String phone = token(login(name, "before the reset"));
        String laptop = token(login(name, "before the reset"));
        assertThat(gateway.send("PATCH", "/api/users/" + name, new JsonObject().put("password", "after the reset")
                .encode(), "Authorization", "Bearer " + admin).statusCode()).isEqualTo(204);
        assertThat(session(phone)).isEqualTo(401);
        assertThat(session(laptop)).isEqualTo(401);
        assertThat(login(name, "before the reset").statusCode()).isEqualTo(401);
        assertThat(session(token(login(name, "after the reset")))).isEqualTo(200);
    }

    @Test
    void aUserChangesTheirOwnPasswordAndGetsAFreshSession() throws Exception {
        String name = newUser("my old pass phrase");
        String other = token(login(name, "my old pass phrase"));
        HttpResponse<String> cookieLogin = login(name, "my old pass phrase");
        String cookie = cookieLogin.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = new JsonObject(cookieLogin.body()).getString("csrf");
        String change = new JsonObject().put("current_password", "my old pass phrase")
                .put("new_password", "my new pass phrase").encode();

        assertThat(gateway.send("POST", "/api/session/password", change, "Cookie", cookie).statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> r = gateway.send("POST", "/api/session/password", change, "Cookie", cookie,
                "X-CSRF-Token", csrf);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String fresh = new JsonObject(r.body()).getString("token");
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("kf_session=" + fresh);
        assertThat(gateway.send("GET", "/api/session", null, "Cookie", cookie).statusCode()).isEqualTo(401);
        assertThat(session(other)).isEqualTo(401);
        assertThat(session(fresh)).isEqualTo(200);
        assertThat(login(name, "my old pass phrase").statusCode()).isEqualTo(401);
        assertThat(login(name, "my new pass phrase").statusCode()).isEqualTo(200);
        String audit = gateway.send("GET", "/api/audit?limit=500", null, "Authorization", "Bearer " + admin).body();
        assertThat(audit).contains("\"action\":\"password_changed\"").doesNotContain("pass phrase");
    }

    @ParameterizedTest(name = "current {0}, new {1} → {2}")
    @CsvSource({
            "'wrong current one', 'a good new phrase', 403",
            "'the current phrase', 'too short', 400",
            "'the current phrase', 'Password1234', 400",
            "'', 'a good new phrase', 400",
    })
    void aRefusedOwnPasswordChangeChangesNothing(String current, String next, int status) throws Exception {
        String name = newUser("the current phrase");
        String token = token(login(name, "the current phrase"));
        HttpResponse<String> r = gateway.send("POST", "/api/session/password", new JsonObject()
                .put("current_password", current).put("new_password", next).encode(), "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(session(token)).isEqualTo(200);
        assertThat(login(name, "the current phrase").statusCode()).isEqualTo(200);
    }

    /** ASVS 2.1.1–2.1.9: length 12–128 of any characters, no composition rules, common passwords refused. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "elevenchars|400",
            "twelve chars|201",
            "alllowercaseletters|201",
            "correct horse battery staple|201",
            "Mot de passe très long avec des accents éèà|201",
            "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ|201",
            "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵎⴰⵣⵉⵖⵜ|201",
            "LONG128|201",
            "LONG129|400",
            "Password1234|400",
            "AZERTYUIOP123|400",
            "motdepasse123|400",
            "kunnafoni2026|400",
            "aaaaaaaaaaaaaaaa|400",
            "abababababababab|400",
            "abcdefghijklmnop|400",
            "1234567890123|400",
            "qwertyuiopasdf|400",
            "9876543210987|400",
    })
    void passwordRulesAtTheAccountApi(String password, int status) throws Exception {
        String chosen = switch (password) {
            case "LONG128" -> "a long pass phrase ".repeat(7).substring(0, 128);
            case "LONG129" -> "a long pass phrase ".repeat(7).substring(0, 129);
            default -> password;
        };
        String name = "pw-" + users.incrementAndGet();
        HttpResponse<String> r = gateway.send("POST", "/api/users", new JsonObject().put("username", name)
                .put("password", chosen).put("role", "monitor").encode(), "Authorization", "Bearer " + admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (status == 201) {
            assertThat(session(token(login(name, chosen)))).isEqualTo(200);
            String wrongTail = chosen.substring(0, chosen.length() - 1) + "!";
            assertThat(login(name, wrongTail).statusCode()).as("every character counts, beyond bcrypt's 72 bytes")
                    .isEqualTo(401);
        } else {
            assertThat(new JsonObject(r.body()).getString("error")).doesNotContain(chosen);
            assertThat(gateway.send("GET", "/api/users", null, "Authorization", "Bearer " + admin).body())
                    .doesNotContain("\"" + name + "\"");
        }
    }

    @Test
    void authPathsLogNoPasswordTokenOrCsrfValue() throws Exception {
        String name = newUser("logged pass phrase");
        String token;
        String csrf;
        String log;
        try (LogCapture capture = new LogCapture()) {
            login(name, "not the pass phrase");
            HttpResponse<String> ok = login(name, "logged pass phrase");
            token = token(ok);
            csrf = new JsonObject(ok.body()).getString("csrf");
            gateway.send("GET", "/api/session", null, "Authorization", "Bearer " + token);
            gateway.send("POST", "/api/session/password", new JsonObject().put("current_password", "wrong pass phrase")
                    .put("new_password", "second logged phrase").encode(), "Authorization", "Bearer " + token);
            HttpResponse<String> changed = gateway.send("POST", "/api/session/password", new JsonObject()
                    .put("current_password", "logged pass phrase").put("new_password", "second logged phrase")
                    .encode(), "Authorization", "Bearer " + token);
            gateway.send("POST", "/api/logout", null, "Authorization", "Bearer "
                    + new JsonObject(changed.body()).getString("token"));
            gateway.send("POST", "/api/login", "{not json at all, password: secret-in-broken-json}");
            gateway.send("GET", "/api/session", null, "Authorization", "Bearer forged-token-value-123");
            log = capture.all();
        }
        assertThat(log).doesNotContain("pass phrase").doesNotContain("logged phrase").doesNotContain(token)
                .doesNotContain(csrf).doesNotContain("secret-in-broken-json").doesNotContain("forged-token-value");
    }
}
