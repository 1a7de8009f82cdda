package org.kunnafoni.channel.twilio;

import java.util.Objects;
import java.util.Optional;

/** Account SID and auth token for the REST API; both must be set for anything to be sent. */
public record TwilioCredentials(String accountSid, String authToken) {
    public TwilioCredentials {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
    }

    /** Empty unless both values are present and not blank. */
    public static Optional<TwilioCredentials> of(String accountSid, Optional<String> authToken) {
        if (accountSid == null || accountSid.isBlank() || authToken.filter(t -> !t.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TwilioCredentials(accountSid.trim(), authToken.get().trim()));
    }

    @Override
    public String toString() {
        return "TwilioCredentials[" + accountSid + "]";
    }
}
