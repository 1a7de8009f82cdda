package org.kunnafoni.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The soak's set-up through the gateway's public API, as a supervisor would do it: log in as admin, import the
 * audience with {@code POST /api/subscribers/import} in CSV chunks (the API takes at most 20,000 rows per file), and
 * create the campaign with {@code POST /api/campaigns}.
 */
final class SoakSetup {
    static final int CHUNK = 20_000;
    static final List<String> REGIONS = List.of("kayes", "koulikoro", "sikasso", "segou", "mopti", "tombouctou",
            "gao", "kidal", "taoudenit", "menaka", "bamako");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    SoakSetup(URI base) {
        this.base = base;
    }

    void login(String user, String password) throws IOException, InterruptedException {
        JsonNode answer = call("POST", "/api/login", "application/json",
                JSON.writeValueAsString(Map.of("username", user, "password", password)), 200);
        token = answer.path("token").asText();
    }

    /** Subscriber i: +223 7xxxxxxx (a Malian mobile number), regions in turn, French. */
    static String csvRow(long i) {
        return String.format("+2237%07d,%s,fra%n", i, REGIONS.get((int) (i % REGIONS.size())));
    }

    /** Imports {@code count} subscribers, {@code parallel} chunks at a time; fails unless every row registered. */
    Duration importAudience(long count, int parallel) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<JsonNode>> chunks = new ArrayList<>();
            for (long from = 0; from < count; from += CHUNK) {
                long first = from;
                long last = Math.min(count, from + CHUNK);
                chunks.add(pool.submit(() -> {
                    StringBuilder csv = new StringBuilder("phone,region,language\n");
                    for (long i = first; i < last; i++) {
                        csv.append(csvRow(i));
                    }
                    JsonNode answer = call("POST", "/api/subscribers/import", "text/csv", csv.toString(), 200);
                    if (answer.path("registered").asLong() != last - first) {
                        throw new IllegalStateException("import of rows " + first + "–" + last + " registered "
                                + answer.path("registered") + ": " + answer.path("problems").toString());
                    }
                    SoakBench.log("imported subscribers %,d–%,d", first, last);
                    return answer;
                }));
            }
            for (Future<JsonNode> chunk : chunks) {
                chunk.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Creates a one-off campaign to every region in French, due at {@code at}; returns the API's answer. */
    JsonNode createCampaign(String topic, String hotline, Instant at) throws IOException, InterruptedException {
        Map<String, Object> body = Map.of("topic", topic, "variables", Map.of("hotline", hotline),
                "regions", REGIONS, "languages", List.of("fra"), "schedule", Map.of("at", at.toString()));
        return call("POST", "/api/campaigns", "application/json", JSON.writeValueAsString(body), 201);
    }

    JsonNode campaign(String id) throws IOException, InterruptedException {
        return call("GET", "/api/campaigns/" + id, "application/json", null, 200);
    }

    private JsonNode call(String method, String path, String type, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(15))
                .header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + ": "
                    + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
