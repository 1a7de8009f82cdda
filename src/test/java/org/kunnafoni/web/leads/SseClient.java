package org.kunnafoni.web.leads;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server-sent-events connection read on its own thread; events are offered as "name\ndata" strings. */
final class SseClient implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final ReviewFixture f;

    private SseClient(ReviewFixture f, HttpResponse<InputStream> response) {
        this.f = f;
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(ReviewFixture f, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(f.gateway.baseUrl() + "/api/events"));
        if (!"none".equals(role)) {
            request.header("Authorization", "Bearer " + f.tokens.get(role));
        }
        return new SseClient(f, HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ") && name != null) {
                    events.add(name + "\n" + line.substring(6));
                    if (!"none".equals(name)) {
                        f.monitorAnswers.add(line);
                    }
                }
            }
        } catch (Exception closed) {
            // the test closed the connection
        }
    }

    /** The data of the first event of this name whose data contains {@code needle}. */
    String awaitEvent(String name, String needle, Duration deadline) throws InterruptedException {
        return awaitEventWithAll(name, deadline, needle);
    }

    /** The first event of that name containing every needle; other leads' events are skipped. */
    String awaitEventWithAll(String name, Duration deadline, String... needles) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            String event = events.poll(50, TimeUnit.MILLISECONDS);
            if (event != null && event.startsWith(name + "\n")
                    && java.util.Arrays.stream(needles).allMatch(event::contains)) {
                return event.substring(name.length() + 1);
            }
        }
        throw new AssertionError("no " + name + " event with " + String.join(" and ", needles) + " within " + deadline);
    }

    @Override
    public void close() throws Exception {
        response.body().close();
        reader.interrupt();
    }
}
