package org.kunnafoni.channel.twilio;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
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
public final class TwilioSmsWebhook implements Handler<RoutingContext> {
    public static final String PATH = "/channels/twilio/sms";
    static final String CHANNEL = "twilio";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsWebhook.class);

    private final TwilioSignature signature;
    private final IntakeService intake;
    private final InstantSource clock;
    private final Counter rejectedSignatures;
    private final Counter rejectedRequests;

    public TwilioSmsWebhook(URI publicUrl, Optional<String> authToken, IntakeService intake, InstantSource clock,
                            MeterRegistry registry) {
        this.signature = new TwilioSignature(publicUrl, authToken);
        this.intake = intake;
        this.clock = clock;
        this.rejectedSignatures = registry.counter("kunnafoni.twilio.signature.rejected");
        this.rejectedRequests = registry.counter("kunnafoni.twilio.requests.invalid");
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!signature.enabled()) {
            rejectedSignatures.increment();
            ctx.response().setStatusCode(403).end("Twilio webhook disabled: no auth token configured\n");
            return;
        }
        Optional<Map<String, String>> verified = signature.verify(ctx.request());
        if (verified.isEmpty()) {
            rejectedSignatures.increment();
            LOG.warn("rejected a Twilio webhook with an invalid signature (from {})", ctx.request().remoteAddress().hostAddress());
            ctx.response().setStatusCode(403).end("invalid signature\n");
            return;
        }
        Map<String, String> params = verified.get();
        Optional<String> missing = TwilioInbound.missingField(params);
        if (missing.isPresent()) {
            rejectedRequests.increment();
            ctx.response().setStatusCode(400).end("missing " + missing.get() + "\n");
            return;
        }
        InboundMessage message = TwilioInbound.toMessage(params, clock.instant());
        Future.fromCompletionStage(intake.accept(message), ctx.vertx().getOrCreateContext())
                .onSuccess(outcome -> answer(ctx, outcome))
                .onFailure(error -> {
                    LOG.error("could not store Twilio message {}: {}", message.providerId(), error.toString());
                    ctx.response().setStatusCode(503).putHeader("Retry-After", "5").end("temporarily unavailable\n");
                });
    }

    private static void answer(RoutingContext ctx, IntakeOutcome outcome) {
        ctx.response()
                .putHeader("Content-Type", "text/xml; charset=utf-8")
                .end(TwiML.response(outcome.reply()));
    }
}
