package org.kunnafoni.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM, output to a log file. Closing it sends SIGTERM (the gateway drains and
 * stops its embedded Redis), waits, and only then kills it and any child it left behind — by process id.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(40);

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only what the benchmark sets, so a KUNNAFONI_* variable in the caller's shell cannot change the run.
        builder.environment().keySet().removeIf(key -> key.startsWith("KUNNAFONI_"));
        builder.environment().putAll(env);
        return new ServerProcess(name, builder.start(), log);
    }

    /** Polls {@code url} until it answers 200; fails if the process dies or {@code timeout} passes. */
    void awaitReady(URI url, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int maxAttempts = (int) (timeout.toMillis() / 100) + 1;
        for (int attempt = 0; attempt < maxAttempts && System.nanoTime() < deadline; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready at " + url + " after " + timeout + "; see " + log);
    }

    /**
     * CPU time used so far by the server JVM and by its children (the embedded Redis). CPU per request does not
     * depend on what else runs on the machine, unlike requests per second, so it is the figure to compare.
     */
    CpuTime cpuTime() {
        Duration children = process.descendants()
                .map(child -> child.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
        return new CpuTime(process.info().totalCpuDuration().orElse(Duration.ZERO), children,
                ThreadCpu.of(process.pid()));
    }

    /** {@code threads}: the server JVM's CPU by thread group ({@link ThreadCpu}), empty where /proc is missing. */
    record CpuTime(Duration server, Duration children, Map<String, Duration> threads) {
        CpuTime minus(CpuTime earlier) {
            return new CpuTime(server.minus(earlier.server), children.minus(earlier.children),
                    ThreadCpu.minus(threads, earlier.threads));
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            System.err.println(name + " did not stop within " + STOP_GRACE + "; killing pid " + process.pid());
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                System.err.println(name + " left pid " + child.pid() + " running; stopping it");
                child.destroy();
                child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
                child.destroyForcibly();
            }
        }
    }
}
