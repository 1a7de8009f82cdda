package org.kunnafoni.channel.relay;

import java.time.Duration;

/**
 * How the relay outbox hands messages to the phones.
 *
 * @param batch       messages handed out per poll: Android lets an app send about 30 SMS per 30 minutes unless
 *                    the limit is raised, so a poll must not hand out more than the phone may send
 * @param lease       how long a handed-out message waits for the phone's confirmation before it is handed out again
 * @param maxHandouts hand-outs without a confirmation before the message is given up as failed
 * @param resultsFor  how long after confirmation the phone is asked for a message's delivery result
 */
public record RelaySettings(int batch, Duration lease, int maxHandouts, Duration resultsFor) {
    public RelaySettings {
        if (batch < 1 || maxHandouts < 1 || lease.isNegative() || lease.isZero() || resultsFor.isNegative()) {
            throw new IllegalArgumentException("relay batch, lease and hand-outs must be positive");
        }
    }

    public static RelaySettings defaults() {
        return new RelaySettings(5, Duration.ofMinutes(10), 3, Duration.ofHours(48));
    }
}
