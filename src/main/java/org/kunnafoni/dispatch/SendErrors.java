package org.kunnafoni.dispatch;

import java.util.Map;
import java.util.Set;

/**
 * The closed table from provider answers to {@link SendError}s. Error codes decide first (they are precise);
 * then the HTTP status: 429 and 5xx are retried, other 4xx are permanent, and a call that got no answer at all
 * (connection refused, timeout) is retried.
 */
public final class SendErrors {
    private static final int OPTED_OUT = 21610;
    private static final Set<Integer> RETRYABLE_CODES = Set.of(20429, 30003, 30008);
    private static final Map<Integer, String> PERMANENT_CODES = Map.of(
            21211, "invalid To number",
            21614, "To is not a mobile number",
            21408, "country not enabled",
            21635, "landline number",
            30004, "message blocked",
            30005, "unknown handset",
            30006, "landline or unreachable carrier",
            30007, "filtered by the carrier",
            30036, "validity period expired");

    private SendErrors() {
    }

    /** Either value may be null: no HTTP status for connection errors, no error code for bare HTTP errors. */
    public static SendError classify(Integer httpStatus, Integer errorCode) {
        String where = describe(httpStatus, errorCode);
        if (errorCode != null) {
            if (errorCode == OPTED_OUT) {
                return new SendError.OptedOut(where + ": recipient opted out");
            }
            if (PERMANENT_CODES.containsKey(errorCode)) {
                return new SendError.Permanent(where + ": " + PERMANENT_CODES.get(errorCode));
            }
            if (RETRYABLE_CODES.contains(errorCode)) {
                return new SendError.Retry(where);
            }
        }
        if (httpStatus == null || httpStatus == 429 || httpStatus >= 500) {
            return new SendError.Retry(httpStatus == null ? where + ": no answer" : where);
        }
        if (httpStatus >= 400) {
            return new SendError.Permanent(where);
        }
        return new SendError.Retry(where);
    }

    private static String describe(Integer httpStatus, Integer errorCode) {
        StringBuilder out = new StringBuilder();
        if (httpStatus != null) {
            out.append("http ").append(httpStatus);
        }
        if (errorCode != null) {
            out.append(out.isEmpty() ? "" : " ").append("error ").append(errorCode);
        }
        return out.isEmpty() ? "connection error" : out.toString();
    }
}
