package org.kunnafoni.channel;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as a channel adapter received it, before intake. {@code from} is the raw sender address (never
 * logged); {@code kind} tells SMS from WhatsApp on the same Twilio channel.
 */
public record InboundMessage(
        String channel,
        Kind kind,
        String providerId,
        String from,
        String to,
        String body,
        Instant receivedAt,
        Optional<String> deviceId) {

    public enum Kind {
        SMS, WHATSAPP;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        to = to == null ? "" : to;
        deviceId = deviceId == null ? Optional.empty() : deviceId;
    }

    /** Provider ids are unique per channel and, for relay phones, per device. */
    public String dedupeId() {
        return deviceId.map(d -> d + ":" + providerId).orElse(providerId);
    }

    @Override
    public String toString() {
        return "InboundMessage[channel=" + channel + ", kind=" + kind + ", providerId=" + providerId + "]";
    }
}
