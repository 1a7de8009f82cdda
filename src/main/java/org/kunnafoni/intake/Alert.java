package org.kunnafoni.intake;

import org.kunnafoni.channel.InboundMessage;

/** An inbound message that is not a keyword command, ready for the durable intake stream. */
public record Alert(InboundMessage message, String reporter, String encryptedPhone) {
    @Override
    public String toString() {
        return "Alert[reporter=" + reporter + ", " + message + "]";
    }
}
