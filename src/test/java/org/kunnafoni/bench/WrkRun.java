package org.kunnafoni.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One wrk run with the Twilio script; its text report goes to a log, its BENCH_RESULT line is parsed. */
record WrkRun(String wrk, Path script, int threads, int connections, Duration timeout) {
    private static final String RESULT_PREFIX = "BENCH_RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    List<String> command(URI url, Duration duration, Path bodiesPrefix, String mode) {
        List<String> command = new ArrayList<>(List.of(wrk,
                "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", timeout.toSeconds() + "s", "--latency",
                "-s", script.toString(), url.toString(), "--", bodiesPrefix.toString(), mode));
        return List.copyOf(command);
    }

    Result run(URI url, Duration duration, Path bodiesPrefix, String mode, Path log)
            throws IOException, InterruptedException {
        List<String> command = command(url, duration, bodiesPrefix, mode);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long limit = duration.toSeconds() + timeout.toSeconds() + 60;
        if (!process.waitFor(limit, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("wrk did not finish within " + limit + " s; see " + log);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        String line = output.lines().filter(l -> l.startsWith(RESULT_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result (exit "
                        + process.exitValue() + "); see " + log));
        return new Result(String.join(" ", command), JSON.readTree(line.substring(RESULT_PREFIX.length())));
    }

    /** What wrk measured; {@code raw} is the script's line as printed (microseconds, counts). */
    record Result(String command, JsonNode raw) {
        long requests() {
            return raw.path("requests").asLong();
        }

        double seconds() {
            return raw.path("duration_us").asLong() / 1e6;
        }

        double requestsPerSecond() {
            return requests() / seconds();
        }

        double latencyMillis(String key) {
            return raw.path("latency_us").path(key).asDouble() / 1000.0;
        }

        long status(int code) {
            return raw.path("statuses").path(Integer.toString(code)).asLong();
        }

        long non2xx() {
            long n = 0;
            for (Map.Entry<String, JsonNode> e : raw.path("statuses").properties()) {
                int code = Integer.parseInt(e.getKey());
                n += code >= 200 && code < 300 ? 0 : e.getValue().asLong();
            }
            return n;
        }

        /** Connect, read, write errors and timeouts: requests that got no HTTP answer at all. */
        long socketErrors() {
            JsonNode e = raw.path("errors");
            return e.path("connect").asLong() + e.path("read").asLong() + e.path("write").asLong()
                    + e.path("timeout").asLong();
        }

        long exhausted() {
            return raw.path("exhausted").asLong();
        }
    }
}
