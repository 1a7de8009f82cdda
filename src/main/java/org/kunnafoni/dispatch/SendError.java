package org.kunnafoni.dispatch;

/** Why a provider refused a message, reduced to what the pipeline must do about it. */
public sealed interface SendError {
    String reason();

    /** Worth trying again after a pause (throttling, provider outage, temporarily unreachable handset). */
    record Retry(String reason) implements SendError {
    }

    /**
     * The request may have reached the provider but no answer came (a read timeout, a connection cut after the
     * request was written): the provider may have accepted it. Retried like {@link Retry}, but not before a status
     * callback of an accepted message has had time to settle the dispatch, and counted: a retry may duplicate.
     */
    record Unanswered(String reason) implements SendError {
    }

    /** Trying again cannot help (invalid or landline number, carrier filtering, …). */
    record Permanent(String reason) implements SendError {
    }

    /** The recipient told the carrier STOP: never send again and record the opt-out. */
    record OptedOut(String reason) implements SendError {
    }
}
