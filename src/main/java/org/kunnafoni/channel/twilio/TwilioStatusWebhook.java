package org.kunnafoni.channel.twilio;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.dispatch.DeliveryReport;
import org.kunnafoni.dispatch.DeliveryReports;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.dispatch.StatusOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /channels/twilio/status}: Twilio's message status callbacks, signature-checked like the inbound
 * webhook. The callback URL we give Twilio carries our dispatch id ({@code ?d=}), covered by the signature, so
 * a callback that overtakes our own record of the send still finds its dispatch. States only move forward.
 */
public final class TwilioStatusWebhook implements Handler<RoutingContext> {
    public static final String PATH = "/channels/twilio/status";
    static final String DISPATCH_PARAM = "d";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioStatusWebhook.class);

    private final TwilioSignature signature;
    private final DeliveryReports reports;
    private final MeterRegistry registry;

    public TwilioStatusWebhook(URI publicUrl, Optional<String> authToken, DeliveryReports reports,
                               MeterRegistry registry) {
        this.signature = new TwilioSignature(publicUrl, authToken);
        this.reports = reports;
        this.registry = registry;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Map<String, String>> verified = signature.verify(ctx.request());
        if (verified.isEmpty()) {
            registry.counter("kunnafoni.twilio.signature.rejected").increment();
            LOG.warn("rejected a Twilio status callback with an invalid signature");
            ctx.response().setStatusCode(403).end("invalid signature\n");
            return;
        }
        Map<String, String> params = verified.get();
        String sid = params.get("MessageSid");
        if (sid == null || sid.isBlank() || params.get("MessageStatus") == null) {
            ctx.response().setStatusCode(400).end("missing MessageSid or MessageStatus\n");
            return;
        }
        Optional<DispatchState> state = StatusOrder.fromProviderStatus(params.get("MessageStatus"));
        if (state.isEmpty()) {
            count("unknown_status");
            ok(ctx);
            return;
        }
        DeliveryReport report = new DeliveryReport(Optional.ofNullable(ctx.request().getParam(DISPATCH_PARAM)),
                sid.trim(), state.get(), Optional.ofNullable(params.get("ErrorCode")));
        Future.fromCompletionStage(reports.apply(report), ctx.vertx().getOrCreateContext())
                .onSuccess(change -> {
                    count(change.name().toLowerCase(java.util.Locale.ROOT));
                    ok(ctx);
                })
                .onFailure(error -> {
                    LOG.error("could not record status of {}: {}", sid, error.toString());
                    ctx.response().setStatusCode(503).putHeader("Retry-After", "5").end("temporarily unavailable\n");
                });
    }

    private void count(String outcome) {
        registry.counter("kunnafoni.twilio.status.callbacks", "outcome", outcome).increment();
    }

    private static void ok(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/xml; charset=utf-8").end(TwiML.EMPTY);
    }
}
