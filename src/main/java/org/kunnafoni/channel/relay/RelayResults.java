package org.kunnafoni.channel.relay;

import org.kunnafoni.dispatch.DispatchState;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads one SMSSync {@code message_result} entry as a dispatch state. The codes are Android's: the "sent"
 * broadcast carries {@code Activity.RESULT_OK} (-1) or an {@code SmsManager.RESULT_ERROR_*} code, the
 * "delivered" broadcast {@code RESULT_OK} or {@code RESULT_CANCELED} (0). The app's fields default to 0 before
 * a broadcast arrives, so 0 alone means "nothing known yet", never a failure.
 */
public final class RelayResults {
    static final int RESULT_OK = -1;
    static final int NOT_YET = 0;
    private static final Map<Integer, String> SEND_ERRORS = Map.of(
            1, "generic failure",
            2, "radio off",
            3, "null PDU",
            4, "no service",
            5, "sending limit exceeded");

    private RelayResults() {
    }

    /** What the phone's result says, or empty when it says nothing new. */
    public record Outcome(DispatchState state, Optional<String> reason) {
    }

    /**
     * @param deliveredMessage the app's text for the delivery broadcast; blank until that broadcast arrived,
     *                         which is how a real "not delivered" (0) differs from the default 0
     */
    public static Optional<Outcome> read(OptionalInt sentCode, OptionalInt deliveredCode, String deliveredMessage) {
        if (sentCode.isEmpty() || sentCode.getAsInt() == NOT_YET) {
            return Optional.empty();
        }
        int sent = sentCode.getAsInt();
        if (sent != RESULT_OK) {
            return Optional.of(new Outcome(DispatchState.FAILED, Optional.of("relay phone: "
                    + SEND_ERRORS.getOrDefault(sent, "send error " + sent))));
        }
        int delivered = deliveredCode.orElse(NOT_YET);
        if (delivered == RESULT_OK) {
            return Optional.of(new Outcome(DispatchState.DELIVERED, Optional.empty()));
        }
        if (delivered == NOT_YET && deliveredMessage != null && !deliveredMessage.isBlank()) {
            return Optional.of(new Outcome(DispatchState.UNDELIVERED, Optional.of("relay phone: not delivered")));
        }
        return Optional.of(new Outcome(DispatchState.SENT, Optional.empty()));
    }
}
