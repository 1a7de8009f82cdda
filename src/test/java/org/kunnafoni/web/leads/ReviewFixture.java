package org.kunnafoni.web.leads;

import io.vertx.core.json.JsonObject;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway with one account per role, alerts posted through the signed Twilio webhook, and a wait for the
 * triage worker to turn them into leads. Every answer sent to the monitor is kept for the phone-number scan.
 */
final class ReviewFixture implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(20);
    final GatewayFixture gateway;
    final Map<String, String> tokens;
    final List<String> monitorAnswers = new CopyOnWriteArrayList<>();

    ReviewFixture(Path dataDir, Map<String, String> env) throws Exception {
        gateway = new GatewayFixture(dataDir, env, InstantSource.system());
        String admin = login("admin", GatewayFixture.ADMIN_PASSWORD);
        for (String[] user : new String[][]{{"sup-gao", "supervisor"}, {"mon-gao", "monitor"}, {"mon-mopti", "monitor"}}) {
            HttpResponse<String> r = gateway.send("POST", "/api/users", new JsonObject().put("username", user[0])
                    .put("password", "password-of-" + user[0]).put("role", user[1]).encode(),
                    "Authorization", "Bearer " + admin);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        tokens = Map.of("admin", admin, "supervisor", login("sup-gao", "password-of-sup-gao"),
                "monitor", login("mon-gao", "password-of-mon-gao"));
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login",
                new JsonObject().put("username", user).put("password", password).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    /** Sends a request as a role ({@code none}: without credentials). */
    HttpResponse<String> as(String role, String method, String path, String body) throws Exception {
        HttpResponse<String> r = "none".equals(role) ? gateway.send(method, path, body)
                : gateway.send(method, path, body, "Authorization", "Bearer " + tokens.get(role));
        if ("monitor".equals(role)) {
            monitorAnswers.add(r.body());
        }
        return r;
    }

    JsonObject ok(String role, String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = as(role, method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(status);
        return new JsonObject(r.body());
    }

    /** Posts an alert and answers the id of the lead the triage worker put it in, and the intake entry id. */
    String[] alert(String from, String text) throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        assertThat(gateway.postTwilio(GatewayFixture.twilioSms(sid, from, text)).statusCode()).isEqualTo(200);
        String entry = gateway.intakeEntries().stream().filter(e -> sid.equals(e.getBody().get("provider_id")))
                .findFirst().orElseThrow().getId();
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            List<String> keys = gateway.redis().keys("{leads:*}:report:" + entry);
            if (!keys.isEmpty()) {
                return new String[]{gateway.redis().hget(keys.get(0), "lead_id"), entry};
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("no lead for entry " + entry + " within " + DEADLINE);
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + DEADLINE);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /** A lead of its own: a unique not-relevant text clusters with nothing. */
    String[] uniqueLead() throws Exception {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        return alert("+22376" + (100000 + (int) (Math.random() * 899999)), "Bonjour ceci est un essai " + word);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
