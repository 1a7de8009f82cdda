package org.kunnafoni.dispatch;

import java.util.concurrent.CompletionStage;

/**
 * A {@link Sender} whose provider call blocks a thread of its own (the Twilio SDK): it waits for the reserved send
 * slot on that thread, right before the call, and decides there whether the slot is still usable
 * ({@link SendSlot#verdict}). Waiting on a timer thread and then handing the call to another thread put one more
 * wake-up between the slot and the provider, which a loaded machine delays.
 */
public interface SlotWaitingSender extends Sender {
    /** Answers {@link SendResult.SlotMissed} without calling the provider when the slot was reached too late. */
    CompletionStage<SendResult> sendAt(OutboundMessage message, SendSlot slot);
}
