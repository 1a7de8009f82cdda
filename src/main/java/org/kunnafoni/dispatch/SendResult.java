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

    /** Nothing was sent: the reserved slot was reached too late to keep the rate ceiling (see {@link SendSlot}). */
    record SlotMissed(java.time.Duration late) implements SendResult {
    }
}
