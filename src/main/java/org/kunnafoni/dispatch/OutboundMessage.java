package org.kunnafoni.dispatch;

import java.util.Objects;

/**
 * What a {@link Sender} puts on the wire. {@code to} is the decrypted number: it lives only in memory for the
 * duration of the send and is never logged (see {@link #toString()}).
 */
public record OutboundMessage(String dispatchId, String channel, String to, String sender, String body,
                              int segments) {
    public OutboundMessage {
        Objects.requireNonNull(dispatchId, "dispatchId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "OutboundMessage[dispatch=" + dispatchId + ", channel=" + channel + ", segments=" + segments + "]";
    }
}
