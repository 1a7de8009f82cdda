package org.kunnafoni.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import org.kunnafoni.support.Forms;
import org.kunnafoni.support.TwilioSigner;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fake Twilio Messages API for the soak: answers 201 like Twilio with a fresh SID, records when each send arrived,
 * and for a share of them posts a signed {@code delivered} status callback to the StatusCallback URL the gateway
 * gave, a moment later, as Twilio would. Unlike {@link FakeTwilio} it keeps no array of every arrival, only the
 * current minute's, so an hour costs no memory.
 */
final class SoakTwilio implements AutoCloseable {
    static final String ACCOUNT = FakeTwilio.ACCOUNT;
    private static final long CALLBACK_DELAY_MS = 300;

    private final Vertx vertx;
    private final String authToken;
    private final int callbackEvery;
    private final HttpServer server;
    private final HttpClient callbacks;
    private final AtomicLong accepted = new AtomicLong();
    private final LongAdder other = new LongAdder();
    private final LongAdder callbacksSent = new LongAdder();
    private final LongAdder callbacksOk = new LongAdder();
    private final LongAdder callbacksFailed = new LongAdder();
    private List<Long> minuteArrivals = new ArrayList<>();
    private long firstArrivalNanos = -1;
    private long lastArrivalNanos = -1;

    /** {@code callbackEvery}: every n-th accepted message gets a delivered callback (0 = none). */
    SoakTwilio(Vertx vertx, String authToken, int callbackEvery)
            throws java.util.concurrent.TimeoutException {
        this.vertx = vertx;
        this.authToken = authToken;
        this.callbackEvery = callbackEvery;
        this.callbacks = vertx.createHttpClient();
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle).listen().await(30, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || !request.path().endsWith("/Messages.json")) {
            other.increment();
            request.response().setStatusCode(404).end();
            return;
        }
        request.setExpectMultipart(true);
        request.end().onComplete(done -> {
            long n = accepted.incrementAndGet();
            arrived(System.nanoTime());
            String sid = String.format("SM%032x", n);
            MultiMap form = request.formAttributes();
            request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                    .end("{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT + "\",\"status\":\"queued\","
                            + "\"num_segments\":\"1\",\"direction\":\"outbound-api\",\"body\":\"\",\"to\":\"\"}");
            String callbackUrl = form.get("StatusCallback");
            if (callbackEvery > 0 && n % callbackEvery == 0 && callbackUrl != null) {
                vertx.setTimer(CALLBACK_DELAY_MS, t -> deliver(callbackUrl, sid, form.get("To"), form.get("From")));
            }
        });
    }

    private synchronized void arrived(long nanos) {
        minuteArrivals.add(nanos);
        if (firstArrivalNanos < 0) {
            firstArrivalNanos = nanos;
        }
        lastArrivalNanos = nanos;
    }

    private void deliver(String callbackUrl, String sid, String to, String from) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("MessageStatus", "delivered");
        params.put("SmsStatus", "delivered");
        params.put("AccountSid", ACCOUNT);
        params.put("To", to == null ? "" : to);
        params.put("From", from == null ? "" : from);
        params.put("ApiVersion", "2010-04-01");
        URI uri = URI.create(callbackUrl);
        callbacksSent.increment();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost())
                .setPort(uri.getPort()).setURI(uri.getRawPath() + "?" + uri.getRawQuery()).setTimeout(30_000)
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("X-Twilio-Signature", TwilioSigner.sign(authToken, callbackUrl, params));
        callbacks.request(options).compose(r -> r.send(Buffer.buffer(Forms.encode(params))))
                .compose(r -> r.body().map(b -> r.statusCode()))
                .onComplete(result -> {
                    if (result.succeeded() && result.result() == 200) {
                        callbacksOk.increment();
                    } else {
                        callbacksFailed.increment();
                    }
                });
    }

    /** Sends that arrived since the previous call, and the most that arrived in any sliding second among them. */
    record Minute(long accepted, long maxInOneSecond) {
    }

    synchronized Minute minute() {
        List<Long> arrivals = minuteArrivals;
        minuteArrivals = new ArrayList<>();
        long max = 0;
        for (int from = 0, to = 0; to < arrivals.size(); to++) {
            while (arrivals.get(to) - arrivals.get(from) >= 1_000_000_000L) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return new Minute(arrivals.size(), max);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    long accepted() {
        return accepted.get();
    }

    /** Accepted sends per second between the first and the last arrival. */
    synchronized double averageRate() {
        long n = accepted.get();
        return n < 2 ? 0 : (n - 1) / ((lastArrivalNanos - firstArrivalNanos) / 1e9);
    }

    Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("accepted", accepted.get());
        out.put("other_requests", other.sum());
        out.put("callbacks_sent", callbacksSent.sum());
        out.put("callbacks_ok", callbacksOk.sum());
        out.put("callbacks_failed", callbacksFailed.sum());
        return out;
    }

    long callbacksFailed() {
        return callbacksFailed.sum();
    }

    long otherRequests() {
        return other.sum();
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        callbacks.close().await(10, TimeUnit.SECONDS);
        server.close().await(10, TimeUnit.SECONDS);
    }
}
