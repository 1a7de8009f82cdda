package org.kunnafoni.dispatch;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider's word on one message (a Twilio status callback, a relay phone's result).
 *
 * @param dispatchId our id when the provider echoes it back (Twilio: in the signed callback URL)
 * @param errorCode  the provider's error code, e.g. {@code 30007}
 */
public record DeliveryReport(Optional<String> dispatchId, String providerId, DispatchState state,
                             Optional<String> errorCode) {
    public DeliveryReport {
        dispatchId = dispatchId == null ? Optional.empty() : dispatchId.filter(id -> !id.isBlank());
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(state, "state");
        errorCode = errorCode == null ? Optional.empty() : errorCode.filter(code -> !code.isBlank());
    }
}
