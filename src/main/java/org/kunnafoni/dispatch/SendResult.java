package org.kunnafoni.dispatch;

/** What happened when a {@link Sender} was asked to send one message. */
public sealed interface SendResult {
    /** The provider took the message; {@code providerId} identifies it in status callbacks. */
    record Accepted(String providerId) implements SendResult {
    }

    record Failed(SendError error) implements SendResult {
    }

    /** The channel cannot send yet (e.g. no credentials): nothing left us, the dispatch waits visibly. */
    record Held(String reason) implements SendResult {
    }
}
