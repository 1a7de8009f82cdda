package org.kunnafoni.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway as a separate operating-system process, so a test can kill it with SIGKILL. */
public final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static GatewayProcess start(Path dataDir, int httpPort, int redisPort, Path log) throws Exception {
        return start(dataDir, httpPort, Map.of("KUNNAFONI_REDIS_EMBEDDED_PORT", Integer.toString(redisPort)),
                List.of(), log);
    }

    /**
     * A gateway process with test secrets plus {@code extraEnv} (e.g. {@code KUNNAFONI_REDIS_URI} for instances
     * sharing one Redis), its command prefixed by {@code wrapper} (e.g. a shell that mounts something first and
     * then {@code exec}s the JVM, so the process id stays the JVM's).
     */
    public static GatewayProcess start(Path dataDir, int httpPort, Map<String, String> extraEnv, List<String> wrapper,
                                       Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(wrapper);
        command.addAll(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.kunnafoni.Main", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KUNNAFONI_"));
        env.put("KUNNAFONI_HTTP_PORT", Integer.toString(httpPort));
        env.put("KUNNAFONI_PUBLIC_URL", "https://gateway.example.org");
        env.put("KUNNAFONI_DATA_DIR", dataDir.toString());
        env.put("KUNNAFONI_TWILIO_AUTH_TOKEN", GatewayFixture.AUTH_TOKEN);
        env.put("KUNNAFONI_RELAY_SECRETS", GatewayFixture.RELAY_DEVICE + "=" + GatewayFixture.RELAY_SECRET);
        env.putAll(extraEnv);
        builder.directory(new File(System.getProperty("user.dir")));
        GatewayProcess gateway = new GatewayProcess(builder.start(), httpPort);
        try {
            gateway.awaitReady(Duration.ofSeconds(60));
        } catch (AssertionError | RuntimeException | InterruptedException e) {
            gateway.kill();
            throw e;
        }
        return gateway;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A JSON request (headers in name/value pairs), e.g. to the API. */
    public HttpResponse<String> send(String method, String path, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A relay phone's post (see {@link GatewayFixture#relayPost}). */
    public HttpResponse<String> postRelay(Map<String, String> form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/channels/relay"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(form))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Await.until("gateway process ready on port " + port, timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("gateway process exited with " + process.exitValue());
            }
            try {
                return get("/ready").statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postTwilio(Map<String, String> params) throws IOException, InterruptedException {
        String signature = TwilioSigner.sign(GatewayFixture.AUTH_TOKEN,
                "https://gateway.example.org/channels/twilio/sms", params);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/channels/twilio/sms"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook runs, the embedded Redis child is orphaned, in-flight requests are cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the graceful path. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public int exitCode() throws InterruptedException {
        return process.waitFor();
    }
}
