package org.kunnafoni.dispatch;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Sender} puts on the wire. {@code to} is the decrypted number: it lives only in memory for the
 * duration of the send and is never logged (see {@link #toString()}).
 *
 * @param region the recipient's region slug, for channels that route by region (relay phones)
 */
public record OutboundMessage(String dispatchId, String channel, String to, String sender, String body,
                              int segments, Optional<String> region) {
    public OutboundMessage(String dispatchId, String channel, String to, String sender, String body, int segments) {
        this(dispatchId, channel, to, sender, body, segments, Optional.empty());
    }

    public OutboundMessage {
        region = region == null ? Optional.empty() : region;
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
