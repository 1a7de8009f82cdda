package org.kunnafoni.dispatch;

import java.util.Objects;
import java.util.Optional;

/**
 * A provider's word on one message (a Twilio status callback, a relay phone's result).
 *
 * @param dispatchId our id when the provider echoes it back (Twilio: in the signed callback URL)
 * @param errorCode  the provider's Twilio-style error code, e.g. {@code 30007} (classified by {@link SendErrors})
 * @param reason     a failure reason in words, for providers whose codes are not Twilio's (relay phones)
 */
public record DeliveryReport(Optional<String> dispatchId, String providerId, DispatchState state,
                             Optional<String> errorCode, Optional<String> reason) {
    public DeliveryReport(Optional<String> dispatchId, String providerId, DispatchState state,
                          Optional<String> errorCode) {
        this(dispatchId, providerId, state, errorCode, Optional.empty());
    }

    public DeliveryReport {
        reason = reason == null ? Optional.empty() : reason.filter(r -> !r.isBlank());
        dispatchId = dispatchId == null ? Optional.empty() : dispatchId.filter(id -> !id.isBlank());
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(state, "state");
        errorCode = errorCode == null ? Optional.empty() : errorCode.filter(code -> !code.isBlank());
    }
}
