package org.kunnafoni.channel.relay;

import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.dispatch.OutboundMessage;
import org.kunnafoni.dispatch.SendError;
import org.kunnafoni.dispatch.SendResult;
import org.kunnafoni.dispatch.Sender;

import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The relay channel's {@link Sender}: the message waits in the chosen phone's outbox until the phone polls
 * ({@code task=send}). "Accepted" here means queued for the phone; the phone's results move it to sent,
 * delivered or failed. The uuid the phone echoes back is the dispatch id, so results find their dispatch.
 */
public final class RelaySender implements Sender {
    public static final String CHANNEL = RelayWebhook.CHANNEL;

    private final RelayRouting routing;
    private final RelayOutbox outbox;
    private final PhoneProtector phones;
    private final InstantSource clock;
    private final Set<String> devices;

    public RelaySender(RelayRouting routing, RelayOutbox outbox, PhoneProtector phones, InstantSource clock) {
        this(routing, outbox, phones, clock, Set.of());
    }

    /**
     * @param devices the configured phones: a dispatch whose sender id names one (a campaign that chose its phone)
     *                goes to that phone's outbox; any other is routed by region
     */
    public RelaySender(RelayRouting routing, RelayOutbox outbox, PhoneProtector phones, InstantSource clock,
                       Set<String> devices) {
        this.devices = Set.copyOf(devices);
        this.routing = routing;
        this.outbox = outbox;
        this.phones = phones;
        this.clock = clock;
    }

    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        Optional<String> device = devices.contains(message.sender()) ? Optional.of(message.sender())
                : routing.deviceFor(message.region());
        if (device.isEmpty()) {
            return CompletableFuture.completedFuture(new SendResult.Failed(new SendError.Permanent(
                    "no relay phone for region " + message.region().orElse("(none)"))));
        }
        RelayOutbox.Outgoing outgoing = new RelayOutbox.Outgoing(message.dispatchId(), phones.encrypt(message.to()),
                message.body());
        return outbox.put(device.get(), outgoing, clock.instant())
                .thenApply(queued -> new SendResult.Accepted(message.dispatchId()));
    }
}
