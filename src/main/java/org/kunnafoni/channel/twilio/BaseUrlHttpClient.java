package org.kunnafoni.channel.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.kunnafoni.dispatch.SendSlot;

import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.InstantSource;
import java.util.regex.Pattern;

/**
 * The Twilio SDK's HTTP client, pointed at a configurable base URL (a fake Twilio for staging and tests; the SDK
 * has no such setting), and making exactly one attempt per call: the SDK's own retry sleeps on our worker thread
 * and covers only 5xx, while the dispatch pipeline retries 429 and 5xx alike with its own back-off and counts
 * every attempt.
 */
final class BaseUrlHttpClient extends HttpClient {
    private static final Pattern TWILIO_ORIGIN = Pattern.compile("^https://[a-z0-9.-]+\\.twilio\\.com(?=/|$)");

    /** The SDK's own connect timeout is 10 s and its socket timeout 30.5 s: a hung call held a worker that long. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final NetworkHttpClient network;
    private final PoolingHttpClientConnectionManager connections;
    private final HttpRoute route;
    private final Timeout connectTimeout;
    private final String base;
    private final ThreadLocal<Integer> lastStatus = new ThreadLocal<>();
    private final ThreadLocal<SendSlot> slot = new ThreadLocal<>();
    private final InstantSource clock;

    BaseUrlHttpClient(URI baseUrl) {
        this(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, InstantSource.system());
    }

    /**
     * @param connectTimeout how long to wait for a connection (nothing was sent when it runs out)
     * @param requestTimeout how long to wait for the answer once the request is on its way (it may have arrived)
     */
    BaseUrlHttpClient(URI baseUrl, Duration connectTimeout, Duration requestTimeout, InstantSource clock) {
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.clock = clock;
        this.connectTimeout = Timeout.ofMilliseconds(connectTimeout.toMillis());
        this.connections = connectionPool(connectTimeout, requestTimeout);
        this.network = new NetworkHttpClient(apacheClient(connections, connectTimeout, requestTimeout));
        HttpHost target = HttpHost.create(baseUrl);
        this.route = new HttpRoute(target, null, "https".equalsIgnoreCase(target.getSchemeName()));
        Thread warm = new Thread(this::warmUp, "kunnafoni-twilio-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    /**
     * Runs {@code call} (one SDK call on this thread) with its HTTP request held until {@code sendSlot}: the SDK
     * has built the request by then, so only the HTTP exchange itself follows the slot. Throws {@link SlotMissed}
     * out of the SDK call, without sending, when the slot is reached too late.
     */
    <T> T inSlot(SendSlot sendSlot, java.util.function.Supplier<T> call) {
        slot.set(sendSlot);
        try {
            return call.get();
        } finally {
            slot.remove();
        }
    }

    /** The request was not sent: its slot was reached too late to keep the rate ceiling. */
    static final class SlotMissed extends RuntimeException {
        final transient SendSlot.Verdict.GiveUp verdict;

        SlotMissed(SendSlot.Verdict.GiveUp verdict) {
            super("send slot reached " + verdict.late().toMillis() + " ms late", null, false, false);
            this.verdict = verdict;
        }
    }

    @Override
    public Response makeRequest(Request request) {
        lastStatus.remove();
        Rebased rebased = new Rebased(request, base);
        SendSlot sendSlot = slot.get();
        if (sendSlot != null) {
            slot.remove(); // one request per slot
            warmConnection();
            sendSlot.awaitOn(clock);
            if (sendSlot.verdict(clock.instant()) instanceof SendSlot.Verdict.GiveUp giveUp) {
                throw new SlotMissed(giveUp);
            }
        }
        Response response = network.makeRequest(rebased);
        lastStatus.set(response.getStatusCode());
        return response;
    }

    /**
     * The HTTP status of this thread's last call, if it got an answer: the SDK loses it when an error answer
     * has no JSON body (a bare 500 from a proxy), and a 500 must still count as a 5xx, not a lost connection.
     */
    Integer lastStatus() {
        return lastStatus.get();
    }

    void forgetLastStatus() {
        lastStatus.remove();
    }

    /**
     * The SDK's default Apache client settings with our timeouts, and without Apache's automatic retries: they
     * would resend a POST on 429 and 503 behind our back (one more message, uncounted).
     */
    private static HttpClientBuilder apacheClient(PoolingHttpClientConnectionManager connections,
                                                  Duration connectTimeout, Duration requestTimeout) {
        Timeout connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
        Timeout request = Timeout.ofMilliseconds(requestTimeout.toMillis());
        // built afresh: the SDK's default sets a (deprecated) 30.5 s connect timeout that would win over ours
        RequestConfig requests = RequestConfig.custom().setConnectionRequestTimeout(connect)
                .setConnectionKeepAlive(CONNECTION_KEEP_ALIVE).setResponseTimeout(request).build();
        return HttpClientBuilder.create().useSystemProperties().setConnectionManager(connections)
                .setDefaultRequestConfig(requests).disableAutomaticRetries();
    }

    private static PoolingHttpClientConnectionManager connectionPool(Duration connectTimeout, Duration requestTimeout) {
        Timeout connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
        Timeout request = Timeout.ofMilliseconds(requestTimeout.toMillis());
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setDefaultSocketConfig(SocketConfig.copy(DEFAULT_SOCKET_CONFIG).setSoTimeout(request).build());
        connections.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                .setSocketTimeout(request).build());
        connections.setDefaultMaxPerRoute(20);
        connections.setMaxTotal(40);
        return connections;
    }

    /**
     * Opens a connection (TCP and TLS, no request) before waiting for a slot when none is idle in the pool, so the
     * exchange after the slot does not pay the handshake: from Bamako a TLS handshake with Twilio takes several
     * round trips, and a first message arriving that late lets the next ten share its second. Best effort.
     */
    private void warmConnection() {
        if (connections.getStats(route).getAvailable() > 0) {
            return;
        }
        try {
            ConnectionEndpoint endpoint = connections.lease("warm", route, connectTimeout, null).get(connectTimeout);
            try {
                connections.connect(endpoint, connectTimeout, HttpClientContext.create());
            } finally {
                connections.release(endpoint, null, CONNECTION_KEEP_ALIVE);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the exchange itself will connect (and report the failure)
        }
    }

    /**
     * Runs one exchange through this client against a throwaway loopback socket, never the provider: the first
     * exchange of a process loads and interprets the HTTP client's code (45–90 ms here), and a first campaign message
     * that late lets the next ten share its second at the provider. Best effort; nothing depends on it.
     */
    private void warmUp() {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5_000);
            Thread answer = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket.getOutputStream().write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // nothing to warm then
                }
            }, "kunnafoni-twilio-warm-up-answer");
            answer.setDaemon(true);
            answer.start();
            network.makeRequest(new Request(com.twilio.http.HttpMethod.POST,
                    "http://127.0.0.1:" + server.getLocalPort() + "/warm-up"));
            answer.join(5_000);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String rebase(String url, String base) {
        return TWILIO_ORIGIN.matcher(url).replaceFirst(java.util.regex.Matcher.quoteReplacement(base));
    }

    /** A copy of the SDK's request whose final URL starts with the configured base. */
    private static final class Rebased extends Request {
        private final String base;

        Rebased(Request original, String base) {
            super(original.getMethod(), original.getUrl());
            this.base = base;
            original.getQueryParams().forEach((k, values) -> values.forEach(v -> addQueryParam(k, v)));
            original.getPostParams().forEach((k, values) -> values.forEach(v -> addPostParam(k, v)));
            original.getHeaderParams().forEach((k, values) -> values.forEach(v -> addHeaderParam(k, v)));
            if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            } else if (original.getUsername() != null) {
                setAuth(original.getUsername(), original.getPassword());
            }
            setContentType(original.getContentType());
            if (original.getBody() != null) {
                setBody(original.getBody());
            }
            setFormParameters(original.getFormParameters());
            setUserAgentExtensions(original.getUserAgentExtensions());
        }

        @Override
        public URL constructURL() {
            try {
                return new URL(rebase(super.constructURL().toString(), base));
            } catch (MalformedURLException e) {
                throw new IllegalStateException("invalid twilio.api-base-url " + base, e);
            }
        }
    }
}
