package org.kunnafoni.channel.twilio;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.IntakeOutcome;
import org.kunnafoni.intake.IntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /channels/twilio/sms}: Twilio's inbound message webhook (SMS and WhatsApp). The signature is
 * checked against the configured public URL, never the Host header, over every form parameter Twilio sent.
 * The answer is TwiML, sent only after intake made the message durable.
 */
public final class TwilioSmsWebhook implements Handler<HttpServerRequest> {
    public static final String PATH = "/channels/twilio/sms";
    static final String CHANNEL = "twilio";
    private static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";
    private static final CharSequence TEXT_XML = HttpHeaders.createOptimized("text/xml; charset=utf-8");
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsWebhook.class);

    private final TwilioSignature signature;
    private final IntakeService intake;
    private final InstantSource clock;
    private final Counter rejectedSignatures;
    private final Counter rejectedRequests;
    private final int bodyLimit;

    public TwilioSmsWebhook(URI publicUrl, Optional<String> authToken, IntakeService intake, InstantSource clock,
                            MeterRegistry registry, int bodyLimit) {
        this.bodyLimit = bodyLimit;
        this.signature = new TwilioSignature(publicUrl, authToken);
        this.intake = intake;
        this.clock = clock;
        this.rejectedSignatures = registry.counter("kunnafoni.twilio.signature.rejected");
        this.rejectedRequests = registry.counter("kunnafoni.twilio.requests.invalid");
    }

    /**
     * Reads the body (at most {@code bodyLimit} bytes, else 413), then answers. Installed ahead of the router:
     * this is the path every alert takes, so it decodes its form once, straight into the map the signature check
     * needs, instead of Router, BodyHandler and Vert.x's case-insensitive form map.
     */
    @Override
    public void handle(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            request.response().setStatusCode(413).end("request body too large\n");
            return;
        }
        Buffer body = Buffer.buffer(length == null ? 1024 : (int) Math.max(0, Math.min(bodyLimit, Long.parseLong(length.trim()))));
        request.handler(chunk -> {
            if (body.length() + chunk.length() > bodyLimit) {
                if (!request.response().ended()) {
                    request.response().setStatusCode(413).end("request body too large\n");
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!request.response().ended()) {
                handle(request, body);
            }
        });
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > bodyLimit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void handle(HttpServerRequest request, Buffer body) {
        if (!signature.enabled()) {
            rejectedSignatures.increment();
            request.response().setStatusCode(403).end("Twilio webhook disabled: no auth token configured\n");
            return;
        }
        Optional<Map<String, String>> form = isForm(request) ? TwilioForm.parse(body.getBytes())
                : Optional.of(Map.of());
        if (form.isEmpty()) {
            rejectedRequests.increment();
            request.response().setStatusCode(400).end("malformed form body\n");
            return;
        }
        Map<String, String> params = form.get();
        if (!signature.verify(request.uri(), params, request.getHeader(SIGNATURE_HEADER))) {
            rejectedSignatures.increment();
            LOG.warn("rejected a Twilio webhook with an invalid signature (from {})", request.remoteAddress().hostAddress());
            request.response().setStatusCode(403).end("invalid signature\n");
            return;
        }
        Optional<String> missing = TwilioInbound.missingField(params);
        if (missing.isPresent()) {
            rejectedRequests.increment();
            request.response().setStatusCode(400).end("missing " + missing.get() + "\n");
            return;
        }
        InboundMessage message = TwilioInbound.toMessage(params, clock.instant());
        Future.fromCompletionStage(intake.accept(message), Vertx.currentContext())
                .onComplete(outcome -> answer(request, message, outcome.result(), outcome.cause()));
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, FORM_TYPE, 0, FORM_TYPE.length());
    }

    private static void answer(HttpServerRequest request, InboundMessage message, IntakeOutcome outcome,
                               Throwable error) {
        if (error != null) {
            LOG.error("could not store Twilio message {}: {}", message.providerId(), error.toString());
            request.response().setStatusCode(503).putHeader("Retry-After", "5").end("temporarily unavailable\n");
            return;
        }
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, TEXT_XML).end(TwiML.response(outcome.reply()));
    }
}
