package org.kunnafoni.channel.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.kunnafoni.dispatch.OutboundMessage;
import org.kunnafoni.dispatch.SendError;
import org.kunnafoni.dispatch.SendErrors;
import org.kunnafoni.dispatch.SendResult;
import org.kunnafoni.dispatch.SendSlot;
import org.kunnafoni.dispatch.SlotWaitingSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Sends through the Twilio REST API with the SDK, which blocks: every call runs on the given worker pool, never
 * on the caller's (event-loop) thread. The sender id of a dispatch is a Messaging Service SID ({@code MG…}) or
 * a {@code From} (number or alphanumeric id). Without credentials — or with credentials Twilio rejects —
 * messages are held, not failed, and go out once {@link #configure} supplies working ones.
 *
 * <p>A reserved send slot is waited for on the pool thread that makes the call ({@link #sendAt}), so the pool
 * needs a thread per dispatch in flight (workers × batch): a thread waiting for a later slot must not keep an
 * earlier one from its thread. A call that gets no answer within {@code twilio.request-timeout} may still have
 * reached Twilio: it is answered {@link SendError.Unanswered} (retried later, counted as a possible duplicate).
 */
public final class TwilioSender implements SlotWaitingSender {
    public static final String CHANNEL = "twilio";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSender.class);
    private static final Pattern MESSAGING_SERVICE = Pattern.compile("MG[0-9a-fA-F]{32}");

    private final URI apiBaseUrl;
    private final String statusCallback;
    private final Optional<Duration> validity;
    private final Executor workers;
    private final Timeouts timeouts;
    private final InstantSource clock;
    private final AtomicReference<Connection> client = new AtomicReference<>();

    private record Connection(TwilioRestClient rest, BaseUrlHttpClient http) {
    }

    /**
     * @param connect how long to wait for a connection to Twilio (nothing was sent when it runs out)
     * @param request how long to wait for Twilio's answer once the request is sent (Twilio may have taken it)
     */
    public record Timeouts(Duration connect, Duration request) {
        public Timeouts {
            if (connect.compareTo(Duration.ZERO) <= 0 || request.compareTo(Duration.ZERO) <= 0) {
                throw new IllegalArgumentException("twilio timeouts must be positive");
            }
        }

        public static Timeouts defaults() {
            return new Timeouts(BaseUrlHttpClient.DEFAULT_CONNECT_TIMEOUT, BaseUrlHttpClient.DEFAULT_REQUEST_TIMEOUT);
        }
    }

    public TwilioSender(URI apiBaseUrl, URI publicUrl, Optional<Duration> validity,
                        Optional<TwilioCredentials> credentials, Executor workers) {
        this(apiBaseUrl, publicUrl, validity, credentials, workers, Timeouts.defaults(), InstantSource.system());
    }

    public TwilioSender(URI apiBaseUrl, URI publicUrl, Optional<Duration> validity,
                        Optional<TwilioCredentials> credentials, Executor workers, Timeouts timeouts,
                        InstantSource clock) {
        this.apiBaseUrl = apiBaseUrl;
        this.statusCallback = publicUrl.toString().replaceAll("/+$", "") + TwilioStatusWebhook.PATH;
        this.validity = validity;
        this.workers = workers;
        this.timeouts = timeouts;
        this.clock = clock;
        configure(credentials);
    }

    /** A pool of named daemon threads for the blocking SDK calls. */
    public static ExecutorService workerPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kunnafoni-twilio-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Sets (or removes) the credentials at run time; held dispatches go out at their next check. */
    public void configure(Optional<TwilioCredentials> credentials) {
        client.set(credentials.map(c -> {
            BaseUrlHttpClient http = new BaseUrlHttpClient(apiBaseUrl, timeouts.connect(), timeouts.request(), clock);
            return new Connection(new TwilioRestClient.Builder(c.accountSid(), c.authToken()).httpClient(http).build(),
                    http);
        }).orElse(null));
    }

    public boolean configured() {
        return client.get() != null;
    }

    /** The status callback URL for one dispatch: it carries the id so a callback can precede our own record. */
    public String statusCallback(String dispatchId) {
        return statusCallback + "?" + TwilioStatusWebhook.DISPATCH_PARAM + "="
                + URLEncoder.encode(dispatchId, StandardCharsets.UTF_8);
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        Connection current = client.get();
        if (current == null) {
            return CompletableFuture.completedFuture(new SendResult.Held("twilio credentials missing"));
        }
        return CompletableFuture.supplyAsync(() -> create(current, message), workers);
    }

    /**
     * Waits for the slot on the pool thread that makes the call, after the SDK has built the request and right
     * before the HTTP exchange, and gives the slot up when reached too late.
     */
    @Override
    public CompletionStage<SendResult> sendAt(OutboundMessage message, SendSlot slot) {
        Connection current = client.get();
        if (current == null) {
            return CompletableFuture.completedFuture(new SendResult.Held("twilio credentials missing"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return current.http().inSlot(slot, () -> create(current, message));
            } catch (BaseUrlHttpClient.SlotMissed missed) {
                return new SendResult.SlotMissed(missed.verdict.late());
            }
        }, workers);
    }

    private SendResult create(Connection connection, OutboundMessage m) {
        // a status left by an earlier call on this pool thread must not classify an error thrown before any call
        connection.http().forgetLastStatus();
        try {
            Message created = creator(m).create(connection.rest());
            return new SendResult.Accepted(created.getSid());
        } catch (ApiConnectionException e) {
            return connectionFailed(connection, m, e);
        } catch (ApiException e) {
            if (e.getCause() instanceof java.io.IOException) {
                // the SDK wraps a failed HTTP exchange (refused, timed out, cut) in a plain ApiException
                return connectionFailed(connection, m, e);
            }
            Integer status = e.getStatusCode() != null ? e.getStatusCode() : connection.http().lastStatus();
            if (Integer.valueOf(401).equals(status)) {
                LOG.error("Twilio rejected the account credentials; dispatches are held until they are fixed");
                return new SendResult.Held("twilio credentials rejected");
            }
            LOG.warn("Twilio refused dispatch {}: status {} code {}", m.dispatchId(), status, e.getCode());
            return new SendResult.Failed(SendErrors.classify(status, e.getCode()));
        } catch (BaseUrlHttpClient.SlotMissed e) {
            throw e;
        } catch (RuntimeException e) {
            return connectionFailed(connection, m, e);
        }
    }

    /** No usable answer: unanswered (Twilio may have the message) unless the request never left. */
    private SendResult connectionFailed(Connection connection, OutboundMessage m, RuntimeException e) {
        Integer status = connection.http().lastStatus();
        LOG.warn("Twilio call for dispatch {} failed: {}", m.dispatchId(), describe(e));
        if (status == null && !neverSent(e)) {
            return new SendResult.Failed(new SendError.Unanswered("no answer from Twilio within "
                    + timeouts.request().toMillis() + " ms (" + describe(e) + "): it may have taken the message"));
        }
        return new SendResult.Failed(SendErrors.classify(status, null));
    }

    /** The connection was never made, so the request never left: retrying cannot duplicate. */
    static boolean neverSent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException
                    || t instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
    }

    private MessageCreator creator(OutboundMessage m) {
        PhoneNumber to = new PhoneNumber(m.to());
        MessageCreator creator = MESSAGING_SERVICE.matcher(m.sender()).matches()
                ? new MessageCreator(to, m.sender(), m.body())
                : new MessageCreator(to, new PhoneNumber(m.sender()), m.body());
        creator.setStatusCallback(URI.create(statusCallback(m.dispatchId())));
        validity.ifPresent(v -> creator.setValidityPeriod((int) Math.max(1, Math.min(36_000, v.toSeconds()))));
        return creator;
    }
}
