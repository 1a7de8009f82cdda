package org.kunnafoni.fault;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Twilio Messages endpoint on loopback whose behaviour the test switches at run time: accept (201 and a fresh
 * SID), answer 500, answer 429 (Twilio's error 20429), or never answer (the SDK's socket timeout ends the call).
 * It counts accepted sends per dispatch (the {@code d} parameter of the status callback URL, which carries the
 * dispatch id) and per recipient, and records when every request arrived.
 */
final class SwitchableTwilio implements AutoCloseable {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

    enum Mode { ACCEPT, ERROR_500, TOO_MANY_429, NO_ANSWER }

    /** One request: when it arrived (System.nanoTime), in which mode, for which dispatch. */
    record Arrival(long nanos, Mode mode, String dispatchId) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private volatile Mode mode = Mode.ACCEPT;
    private final AtomicLong sids = new AtomicLong();
    private final Map<String, AtomicInteger> acceptedByDispatch = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> acceptedByRecipient = new ConcurrentHashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();

    SwitchableTwilio() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> request.body().onSuccess(body -> answer(request,
                        form(body.toString(StandardCharsets.UTF_8)))))
                .listen().await(30, TimeUnit.SECONDS);
    }

    private void answer(HttpServerRequest request, MultiMap form) {
        Mode now = mode;
        String dispatch = dispatchId(form.get("StatusCallback"));
        synchronized (arrivals) {
            arrivals.add(new Arrival(System.nanoTime(), now, dispatch));
        }
        switch (now) {
            case ACCEPT -> {
                acceptedByDispatch.computeIfAbsent(dispatch, k -> new AtomicInteger()).incrementAndGet();
                acceptedByRecipient.computeIfAbsent(String.valueOf(form.get("To")), k -> new AtomicInteger())
                        .incrementAndGet();
                json(request, 201, "{\"sid\":\"" + String.format("SM%032x", sids.incrementAndGet())
                        + "\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"queued\",\"num_segments\":\"1\"}");
            }
            case ERROR_500 -> json(request, 500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
            case TOO_MANY_429 -> json(request, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
            case NO_ANSWER -> { /* held open: the caller's socket timeout ends it, and nothing was sent */ }
        }
    }

    private static void json(HttpServerRequest request, int status, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    private static MultiMap form(String body) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.add(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String dispatchId(String statusCallback) {
        if (statusCallback == null) {
            return "?";
        }
        String query = URI.create(statusCallback).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("d=")) {
                return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        return "?";
    }

    void mode(Mode next) {
        mode = next;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Gateway settings that send through this fake, sender id KUNNAFONI. */
    Map<String, String> gatewayEnv() {
        return Map.of("KUNNAFONI_TWILIO_ACCOUNT_SID", ACCOUNT, "KUNNAFONI_TWILIO_FROM", "KUNNAFONI",
                "KUNNAFONI_TWILIO_API_BASE_URL", baseUrl());
    }

    Map<String, Integer> acceptedByDispatch() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        acceptedByDispatch.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    Map<String, Integer> acceptedByRecipient() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        acceptedByRecipient.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    int accepted() {
        return acceptedByDispatch.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Sends accepted beyond one per dispatch. */
    int duplicateSends() {
        return acceptedByDispatch.values().stream().mapToInt(n -> n.get() - 1).sum();
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Most requests in any window [t, t + 1 s) starting at a request that arrived at or after {@code from}. */
    int maxPerSecondSince(long from) {
        List<Long> times = arrivals().stream().mapToLong(Arrival::nanos).filter(t -> t >= from).sorted()
                .boxed().toList();
        int max = 0;
        int j = 0;
        for (int i = 0; i < times.size(); i++) {
            while (j < times.size() && times.get(j) < times.get(i) + 1_000_000_000L) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
