package org.kunnafoni.dispatch;

/** Why a provider refused a message, reduced to what the pipeline must do about it. */
public sealed interface SendError {
    String reason();

    /** Worth trying again after a pause (throttling, provider outage, temporarily unreachable handset). */
    record Retry(String reason) implements SendError {
    }

    /** Trying again cannot help (invalid or landline number, carrier filtering, …). */
    record Permanent(String reason) implements SendError {
    }

    /** The recipient told the carrier STOP: never send again and record the opt-out. */
    record OptedOut(String reason) implements SendError {
    }
}
