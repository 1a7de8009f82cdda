package org.kunnafoni.radio;

/** What a confirmation (by SMS code or by API) did. */
public sealed interface ConfirmationResult {
    record Recorded(RadioScript script) implements ConfirmationResult {
    }

    /** No script with that code or id, or it belongs to another partner: the caller learns nothing more. */
    record Unknown() implements ConfirmationResult {
    }
}
