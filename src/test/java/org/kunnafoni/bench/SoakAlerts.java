package org.kunnafoni.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Open-loop alert load: alert n is due at start + n / rate, whatever happened to the ones before it, and its latency
 * is measured from that due time, not from when the request left. A gateway stall therefore shows up as latency
 * of every alert that should have been sent during it (no coordinated omission), and requests beyond the
 * connection pool wait in the client's queue on the clock.
 */
final class SoakAlerts implements AutoCloseable {
    private static final long TIMEOUT_MS = 30_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final SoakTexts texts;
    private final URI url;
    private final double rate;
    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);
    private final Histogram total = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private Interval last = new Interval(0, 0, Map.of());
    private volatile boolean running;
    private long startNanos;
    private long scheduled;
    private long timer = -1;

    SoakAlerts(Vertx vertx, SoakTexts texts, URI url, double rate, int connections) {
        this.vertx = vertx;
        this.texts = texts;
        this.url = url;
        this.rate = rate;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** What was sent, acknowledged (200) and failed, by cause, since the previous interval, with its latencies. */
    record Minute(long sent, long acknowledged, long errors, Map<String, Long> errorsByCause, Histogram latencyMicros) {
    }

    private record Interval(long sent, long acknowledged, Map<String, Long> errors) {
    }

    void start() {
        running = true;
        startNanos = System.nanoTime();
        // a 1 ms tick sends every alert that has fallen due; a late tick sends the backlog at once, on its due times
        timer = vertx.setPeriodic(1, id -> tick());
    }

    private void tick() {
        long due = (long) ((System.nanoTime() - startNanos) * rate / 1e9);
        while (running && scheduled < due) {
            long sequence = scheduled++;
            send(sequence, startNanos + (long) (sequence * 1e9 / rate));
        }
    }

    private void send(long sequence, long dueNanos) {
        SoakTexts.Signed signed = texts.signed(sequence);
        sent.increment();
        inFlight.incrementAndGet();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
                .setPort(url.getPort()).setURI(url.getRawPath()).setTimeout(TIMEOUT_MS)
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("X-Twilio-Signature", signed.signature());
        client.request(options)
                .compose(request -> request.send(Buffer.buffer(signed.body())))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    recorder.recordValue(Math.max(0, (System.nanoTime() - dueNanos) / 1_000));
                    if (result.succeeded() && result.result() == 200) {
                        acknowledged.increment();
                    } else {
                        String cause = result.succeeded() ? "http_" + result.result()
                                : result.cause().getClass().getSimpleName();
                        errors.computeIfAbsent(cause, c -> new LongAdder()).increment();
                    }
                    inFlight.decrementAndGet();
                });
    }

    /** Counts and latencies since the previous call (call from one thread). */
    synchronized Minute minute() {
        Map<String, Long> errorsNow = new TreeMap<>();
        errors.forEach((cause, n) -> errorsNow.put(cause, n.sum()));
        Interval now = new Interval(sent.sum(), acknowledged.sum(), errorsNow);
        Map<String, Long> byCause = new TreeMap<>();
        errorsNow.forEach((cause, n) -> {
            long delta = n - last.errors().getOrDefault(cause, 0L);
            if (delta > 0) {
                byCause.put(cause, delta);
            }
        });
        Histogram latency = recorder.getIntervalHistogram();
        total.add(latency);
        Minute minute = new Minute(now.sent() - last.sent(), now.acknowledged() - last.acknowledged(),
                byCause.values().stream().mapToLong(Long::longValue).sum(), byCause, latency);
        last = now;
        return minute;
    }

    /** Stops scheduling; waits up to {@code timeoutMs} for the answers still in flight. Returns those left. */
    long stop(long timeoutMs) throws InterruptedException {
        running = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return inFlight.get();
    }

    long sentTotal() {
        return sent.sum();
    }

    long acknowledgedTotal() {
        return acknowledged.sum();
    }

    Map<String, Long> errorsTotal() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((cause, n) -> out.put(cause, n.sum()));
        return out;
    }

    /** Every latency recorded so far (the intervals taken by {@link #minute()}). */
    Histogram totalLatency() {
        return total;
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException {
        client.close().await(10, TimeUnit.SECONDS);
    }
}
