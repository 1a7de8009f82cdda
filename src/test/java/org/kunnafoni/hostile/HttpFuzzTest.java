package org.kunnafoni.hostile;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.support.GatewayFixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzing pass over every route of a real gateway (embedded Redis): a few thousand hostile requests from a
 * fixed seed, with valid credentials so payloads reach the parsers. For each: no 5xx, no stack trace or exception
 * class in the answer; a refused request wrote nothing (key count, intake stream, audit log); an accepted
 * message is stored exactly as sent. Afterwards /health still answers. Counts go to target/bench/fuzz.json.
 */
class HttpFuzzTest {
    static final long SEED = 0x6b756e6e61L;
    private static final Pattern LEAK = Pattern.compile(
            "(?:\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\))|(?:\\b(?:java|javax|io|com|org)\\.[\\w$.]*(?:Exception|Error)\\b)"
                    + "|(?:\\b\\w+Exception\\b)");

    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String adminToken;
    static String partnerToken;

    @BeforeAll
    static void start() throws Exception {
        gateway = new GatewayFixture(dataDir, Map.of("KUNNAFONI_TRIAGE_WORKERS", "0",
                "KUNNAFONI_HTTP_API_REQUESTS_PER_SECOND", "0", "KUNNAFONI_HTTP_PARTNER_REQUESTS_PER_SECOND", "0"),
                InstantSource.system());
        var login = gateway.send("POST", "/api/login", new JsonObject().put("username", "admin")
                .put("password", GatewayFixture.ADMIN_PASSWORD).encode());
        adminToken = new JsonObject(login.body()).getString("token");
        var partner = gateway.send("POST", "/api/partners", new JsonObject().put("station", "Radio Fuzz")
                .put("regions", new JsonArray().add("gao")).put("languages", new JsonArray().add("fra"))
                .put("numbers", new JsonArray().add("+22376100009")).put("slots", new JsonArray().add(new JsonObject()
                        .put("day", "monday").put("start", "19:00").put("minutes", 10))).encode(),
                "Authorization", "Bearer " + adminToken);
        assertThat(partner.statusCode()).as(partner.body()).isEqualTo(201);
        partnerToken = new JsonObject(partner.body()).getString("token");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private record Snapshot(long keys, long intake, long audit) {
    }

    private static Snapshot snapshot() {
        var redis = gateway.redis();
        return new Snapshot(redis.dbsize(), redis.xlen(RedisKeys.INTAKE_STREAM), redis.xlen(RedisKeys.AUDIT_LOG));
    }

    /** Answers per route and status, and how many accepted messages were compared with what was sent. */
    private static final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
    private static int storedChecks;

    @Test
    void everyRouteSurvivesHostileInput() throws Exception {
        long started = System.nanoTime();
        Hostile hostile = new Hostile(SEED);
        Map<String, Integer> counts = new LinkedHashMap<>();
        statuses.clear();
        storedChecks = 0;
        List<String> failures = new ArrayList<>();
        for (FuzzRoutes.Route route : new FuzzRoutes(hostile, adminToken, partnerToken).all(16_384)) {
            for (int i = 0; i < route.cases(); i++) {
                FuzzCase c = route.next().get();
                check(route.name(), i, c, failures);
                counts.merge(route.name(), 1, Integer::sum);
            }
            assertThat(gateway.get("/health").statusCode()).as("/health after " + route.name()).isEqualTo(200);
        }
        write(counts, failures, (System.nanoTime() - started) / 1_000_000);
        assertThat(failures).as("hostile requests that broke a rule").isEmpty();
    }

    private void check(String route, int index, FuzzCase c, List<String> failures) throws IOException {
        Snapshot before = snapshot();
        RawHttp.Request request = c.request();
        RawHttp.Response response = request.method() == null
                ? RawHttp.exchangeRaw(gateway.port(), request.body())
                : RawHttp.exchange(gateway.port(), request, c.headersOnly());
        String label = route + " #" + index + " → " + response.status();
        statuses.computeIfAbsent(route, r -> new java.util.TreeMap<>()).merge(response.status(), 1, Integer::sum);
        if (response.status() >= 500) {
            failures.add(label + " (server error): " + abbreviate(response.body()));
        }
        if (!route.equals("GET /metrics") && LEAK.matcher(response.head() + response.body()).find()) {
            failures.add(label + " leaks an exception: " + abbreviate(response.body()));
        }
        boolean refused = response.status() >= 400 || response.status() == 0;
        boolean loginCounts = route.equals("POST /api/login") && (response.status() == 401 || response.status() == 429);
        if (refused && !loginCounts && !snapshot().equals(before)) {
            failures.add(label + " refused but wrote to Redis: " + before + " → " + snapshot());
        }
        if (response.status() == 200 && c.stored().isPresent()) {
            checkStored(label, c.stored().get(), failures);
        }
    }

    /** An accepted alert is in the intake stream once, with the text exactly as sent. */
    private static void checkStored(String label, FuzzCase.Stored expected, List<String> failures) {
        storedChecks++;
        List<StreamMessage<String, String>> entries = gateway.redis().xrevrange(RedisKeys.INTAKE_STREAM,
                Range.create("-", "+"), io.lettuce.core.Limit.from(5));
        boolean found = entries.stream().anyMatch(e -> expected.providerId().equals(e.getBody().get("provider_id"))
                && expected.body().equals(e.getBody().get("body")));
        if (!found) {
            failures.add(label + " accepted, but the stream lacks provider id " + abbreviate(expected.providerId())
                    + " with the text as sent");
        }
    }

    private static String abbreviate(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return shown.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static void write(Map<String, Integer> counts, List<String> failures, long millis) throws IOException {
        JsonObject routes = new JsonObject();
        counts.forEach((route, n) -> {
            JsonObject answers = new JsonObject();
            statuses.getOrDefault(route, Map.of()).forEach((status, k) -> answers.put(Integer.toString(status), k));
            routes.put(route, new JsonObject().put("cases", n).put("statuses", answers));
        });
        JsonObject report = new JsonObject().put("seed", SEED).put("routes", counts.size())
                .put("cases", counts.values().stream().mapToInt(Integer::intValue).sum()).put("failures", failures.size())
                .put("accepted_messages_compared", storedChecks).put("millis", millis).put("per_route", routes);
        Path out = Path.of("target", "bench", "fuzz.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.encodePrettily() + "\n");
        Files.write(out.resolveSibling("fuzz-failures.json"), (new JsonArray(failures).encodePrettily() + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
