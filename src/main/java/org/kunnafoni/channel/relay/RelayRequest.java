package org.kunnafoni.channel.relay;

import io.vertx.core.MultiMap;
import org.kunnafoni.channel.InboundMessage;

import java.time.Instant;
import java.util.Optional;

/** The fields an SMSSync-compatible relay app posts for one received SMS. */
record RelayRequest(String from, String message, String messageId, String sentTo, String secret, String deviceId,
                    String sentTimestamp) {

    static RelayRequest from(MultiMap form) {
        return new RelayRequest(form.get("from"), form.get("message"), form.get("message_id"), form.get("sent_to"),
                form.get("secret"), form.get("device_id"), form.get("sent_timestamp"));
    }

    Optional<String> missingField() {
        if (blank(from)) {
            return Optional.of("from");
        }
        if (message == null) {
            return Optional.of("message");
        }
        if (blank(messageId)) {
            return Optional.of("message_id");
        }
        if (blank(secret)) {
            return Optional.of("secret");
        }
        if (blank(deviceId)) {
            return Optional.of("device_id");
        }
        return Optional.empty();
    }

    InboundMessage toMessage(String channel, Instant receivedAt) {
        return new InboundMessage(channel, InboundMessage.Kind.SMS, messageId.trim(), from.trim(),
                sentTo == null ? "" : sentTo.trim(), message, receivedAt, Optional.of(deviceId.trim()));
    }

    /** The device id for logs: only a safe, short form of whatever was posted. */
    String safeDeviceId() {
        return deviceId == null ? "" : deviceId.replaceAll("[^A-Za-z0-9._-]", "?")
                .substring(0, Math.min(deviceId.length(), 64));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
