package org.kunnafoni.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Twilio Messages endpoint on loopback: every POST is answered 201 with a Twilio-shaped JSON body and a
 * fresh message SID, and the moment it arrived is recorded (System.nanoTime) for the pacing figures.
 */
final class FakeTwilio implements AutoCloseable {
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

    private final Vertx vertx = Vertx.vertx();
    private final long[] arrivals;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger other = new AtomicInteger();
    private final HttpServer server;

    FakeTwilio(int capacity) throws java.util.concurrent.TimeoutException {
        this.arrivals = new long[capacity];
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> request.body().onComplete(body -> {
                    if (!request.path().endsWith("/Messages.json")) {
                        other.incrementAndGet();
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    int n = count.getAndIncrement();
                    if (n < arrivals.length) {
                        arrivals[n] = System.nanoTime();
                    }
                    String sid = String.format("SM%032x", n);
                    request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                            .end("{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"queued\","
                                    + "\"num_segments\":\"1\",\"direction\":\"outbound-api\",\"body\":\"\",\"to\":\"\"}");
                }))
                .listen().await(30, TimeUnit.SECONDS);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    int accepted() {
        return count.get();
    }

    int otherRequests() {
        return other.get();
    }

    /** Arrival times (ns) of the accepted sends, in arrival order. */
    long[] arrivals() {
        return Arrays.copyOf(arrivals, Math.min(count.get(), arrivals.length));
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
