package org.kunnafoni.dispatch;

import java.util.concurrent.CompletionStage;

/** Port to one outbound channel (Twilio, relay phones). Implementations never block the caller's thread. */
public interface Sender {
    CompletionStage<SendResult> send(OutboundMessage message);
}
