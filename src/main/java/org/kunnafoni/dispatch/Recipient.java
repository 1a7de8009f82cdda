package org.kunnafoni.dispatch;

/**
 * A recipient's consent and address at send time; {@code address} is decrypted and must not be logged.
 *
 * @param anyHour quiet hours do not apply (on-call staff, who must be woken for an urgent lead)
 */
public record Recipient(String pseudonym, boolean optedOut, String address, boolean anyHour) {
    public Recipient(String pseudonym, boolean optedOut, String address) {
        this(pseudonym, optedOut, address, false);
    }

    @Override
    public String toString() {
        return "Recipient[" + pseudonym + (optedOut ? ", opted out]" : "]");
    }
}
