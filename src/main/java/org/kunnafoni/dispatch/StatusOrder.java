package org.kunnafoni.dispatch;

import java.util.Locale;
import java.util.Optional;

/**
 * Delivery states only move forward: callbacks arrive out of order and twice, and a late {@code sent} must never
 * overwrite {@code delivered}. Stores apply the same rule atomically by comparing {@link DispatchState#rank()}.
 */
public final class StatusOrder {
    private StatusOrder() {
    }

    /** The state after {@code incoming} is reported for a dispatch in {@code current}; empty when ignored. */
    public static Optional<DispatchState> advance(DispatchState current, DispatchState incoming) {
        return incoming.rank() > current.rank() ? Optional.of(incoming) : Optional.empty();
    }

    /**
     * A provider's delivery status word (Twilio's {@code MessageStatus}: queued accepted scheduled sending sent
     * delivered undelivered failed read canceled) as a dispatch state; empty for words we do not know.
     */
    public static Optional<DispatchState> fromProviderStatus(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status.trim().toLowerCase(Locale.ROOT)) {
            case "queued", "accepted", "scheduled", "sending" -> Optional.of(DispatchState.ACCEPTED);
            case "sent" -> Optional.of(DispatchState.SENT);
            // read is only reported after delivery; we keep no separate state for it
            case "delivered", "read" -> Optional.of(DispatchState.DELIVERED);
            case "undelivered" -> Optional.of(DispatchState.UNDELIVERED);
            case "failed" -> Optional.of(DispatchState.FAILED);
            case "canceled" -> Optional.of(DispatchState.CANCELED);
            default -> Optional.empty();
        };
    }
}
