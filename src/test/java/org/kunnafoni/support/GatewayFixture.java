package org.kunnafoni.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.kunnafoni.app.ConfigLoader;
import org.kunnafoni.app.Gateway;
import org.kunnafoni.app.GatewayConfig;
import org.kunnafoni.store.RedisAddress;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisLink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real gateway in this JVM: embedded Redis in a temporary data folder, a free HTTP port, test secrets. */
public final class GatewayFixture implements AutoCloseable {
    public static final String AUTH_TOKEN = "test-auth-token-0123456789";
    public static final String RELAY_DEVICE = "phone-gao-1";
    public static final String RELAY_SECRET = "relay-secret-gao-0001";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final Gateway gateway;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redisConnection;
    private final RedisConnector clusterConnector;
    private final RedisLink clusterConnection;

    public GatewayFixture(Path dataDir, Map<String, String> extraEnv, InstantSource clock) throws Exception {
        this.port = FreePorts.next();
        Map<String, String> env = new HashMap<>();
        env.put("KUNNAFONI_HTTP_PORT", Integer.toString(port));
        env.put("KUNNAFONI_PUBLIC_URL", "https://gateway.example.org");
        env.put("KUNNAFONI_DATA_DIR", dataDir.toString());
        env.put("KUNNAFONI_TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("KUNNAFONI_RELAY_SECRETS", RELAY_DEVICE + "=" + RELAY_SECRET);
        env.put("KUNNAFONI_HTTP_INSTANCES", "1");
        env.put("KUNNAFONI_SPOOL_REPLAY_INTERVAL", "100ms");
        env.put("KUNNAFONI_REDIS_COMMAND_TIMEOUT", "1s");
        env.put("KUNNAFONI_AUTH_BCRYPT_COST", "4");
        env.put("KUNNAFONI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(extraEnv);
        GatewayConfig config = ConfigLoader.load(Path.of("config/gateway.yaml"), env);
        this.gateway = Gateway.start(config, clock);
        boolean cluster = RedisAddress.parse(gateway.redisUri()).mode() == RedisAddress.Mode.CLUSTER;
        this.redisClient = cluster ? null : RedisClient.create(gateway.redisUri());
        this.redisConnection = cluster ? null : redisClient.connect();
        this.clusterConnector = cluster ? new RedisConnector(gateway.redisUri(), Duration.ofSeconds(2)) : null;
        this.clusterConnection = cluster ? clusterConnector.newConnection() : null;
    }

    public static GatewayFixture start(Path dataDir) throws Exception {
        return new GatewayFixture(dataDir, Map.of(), InstantSource.system());
    }

    public String publicUrl(String path) {
        return "https://gateway.example.org" + path;
    }

    public HttpResponse<String> postTwilio(Map<String, String> params) throws IOException, InterruptedException {
        String signature = TwilioSigner.sign(AUTH_TOKEN, publicUrl("/channels/twilio/sms"), params);
        return postForm("/channels/twilio/sms", params, Map.of("X-Twilio-Signature", signature));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> params, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(params)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Sends a request to the gateway; headers come in name/value pairs. */
    public HttpResponse<String> send(String method, String path, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
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

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static Map<String, String> twilioSms(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", from);
        params.put("To", "+15005550006");
        params.put("Body", body);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("SmsStatus", "received");
        params.put("ApiVersion", "2010-04-01");
        params.put("FromCity", "");
        params.put("FromCountry", "ML");
        return params;
    }

    public static Map<String, String> relayPost(String messageId, String from, String message) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from);
        form.put("message", message);
        form.put("message_id", messageId);
        form.put("sent_to", "+22370000000");
        form.put("secret", RELAY_SECRET);
        form.put("device_id", RELAY_DEVICE);
        form.put("sent_timestamp", "1764388800000");
        return form;
    }

    /** Commands on the gateway's Redis; not for a Redis Cluster (see {@link #commands()}). */
    public RedisCommands<String, String> redis() {
        if (redisConnection == null) {
            throw new IllegalStateException("the gateway uses a Redis Cluster: use commands()");
        }
        return redisConnection.sync();
    }

    /** Commands on the gateway's Redis, a single server or a cluster (routed by key). */
    public RedisClusterCommands<String, String> commands() {
        return clusterConnection != null ? clusterConnection.sync() : redisConnection.sync();
    }

    public List<StreamMessage<String, String>> intakeEntries() {
        return commands().xrange(RedisKeys.INTAKE_STREAM, io.lettuce.core.Range.create("-", "+"));
    }

    public Gateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        if (clusterConnector != null) {
            clusterConnection.close();
            clusterConnector.close();
        } else {
            redisConnection.close();
            redisClient.shutdown();
        }
        gateway.close();
    }
}
