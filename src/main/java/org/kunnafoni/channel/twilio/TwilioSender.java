package org.kunnafoni.channel.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.kunnafoni.dispatch.OutboundMessage;
import org.kunnafoni.dispatch.SendErrors;
import org.kunnafoni.dispatch.SendResult;
import org.kunnafoni.dispatch.Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 */
public final class TwilioSender implements Sender {
    public static final String CHANNEL = "twilio";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSender.class);
    private static final Pattern MESSAGING_SERVICE = Pattern.compile("MG[0-9a-fA-F]{32}");

    private final URI apiBaseUrl;
    private final String statusCallback;
    private final Optional<Duration> validity;
    private final Executor workers;
    private final AtomicReference<Connection> client = new AtomicReference<>();

    private record Connection(TwilioRestClient rest, BaseUrlHttpClient http) {
    }

    public TwilioSender(URI apiBaseUrl, URI publicUrl, Optional<Duration> validity,
                        Optional<TwilioCredentials> credentials, Executor workers) {
        this.apiBaseUrl = apiBaseUrl;
        this.statusCallback = publicUrl.toString().replaceAll("/+$", "") + TwilioStatusWebhook.PATH;
        this.validity = validity;
        this.workers = workers;
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
            BaseUrlHttpClient http = new BaseUrlHttpClient(apiBaseUrl);
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

    private SendResult create(Connection connection, OutboundMessage m) {
        try {
            Message created = creator(m).create(connection.rest());
            return new SendResult.Accepted(created.getSid());
        } catch (ApiException e) {
            Integer status = e.getStatusCode() != null ? e.getStatusCode() : connection.http().lastStatus();
            if (Integer.valueOf(401).equals(status)) {
                LOG.error("Twilio rejected the account credentials; dispatches are held until they are fixed");
                return new SendResult.Held("twilio credentials rejected");
            }
            LOG.warn("Twilio refused dispatch {}: status {} code {}", m.dispatchId(), status, e.getCode());
            return new SendResult.Failed(SendErrors.classify(status, e.getCode()));
        } catch (RuntimeException e) {
            LOG.warn("Twilio call for dispatch {} failed: {}", m.dispatchId(), e.getClass().getSimpleName());
            return new SendResult.Failed(SendErrors.classify(connection.http().lastStatus(), null));
        }
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
