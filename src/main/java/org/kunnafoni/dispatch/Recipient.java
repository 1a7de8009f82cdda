package org.kunnafoni.dispatch;

/** A recipient's consent and address at send time; {@code address} is decrypted and must not be logged. */
public record Recipient(String pseudonym, boolean optedOut, String address) {
    @Override
    public String toString() {
        return "Recipient[" + pseudonym + (optedOut ? ", opted out]" : "]");
    }
}
