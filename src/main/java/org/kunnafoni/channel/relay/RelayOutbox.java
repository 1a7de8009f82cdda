package org.kunnafoni.channel.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Port to the per-device queues of messages waiting for a relay phone. A message is handed out under a lease:
 * if the phone does not confirm it before the lease ends it is handed out again, at most {@code maxHandouts}
 * times (an app without the message results API never confirms, and must not text people forever).
 */
public interface RelayOutbox {
    /** Queues a message for a device; no change when it is already waiting or already confirmed. */
    CompletionStage<Boolean> put(String deviceId, Outgoing message, Instant now);

    /** Up to {@code max} due messages, each leased until {@code now + lease}; gives up on over-handed ones. */
    CompletionStage<Lease> lease(String deviceId, int max, Instant now, Duration lease, int maxHandouts);

    /** Marks queued uuids as confirmed; answers those the device owns (already confirmed ones included). */
    CompletionStage<List<String>> confirm(String deviceId, List<String> uuids, Instant now);

    /** Confirmed uuids whose result we still want, oldest first; forgets those confirmed before {@code since}. */
    CompletionStage<List<String>> awaitingResults(String deviceId, int max, Instant since);

    /** Which of these uuids were confirmed by this device and still wait for a result. */
    CompletionStage<Set<String>> owned(String deviceId, List<String> uuids);

    /** Stops asking for these uuids' results (a final state was reported). */
    CompletionStage<Void> settle(String deviceId, List<String> uuids);

    /** @param encryptedTo the recipient's number, encrypted: the outbox never holds a number in clear */
    record Outgoing(String uuid, String encryptedTo, String message) {
        @Override
        public String toString() {
            return "Outgoing[" + uuid + "]";
        }
    }

    /** @param abandoned uuids handed out {@code maxHandouts} times without a confirmation, now dropped */
    record Lease(List<Outgoing> messages, List<String> abandoned) {
        public Lease {
            messages = List.copyOf(messages);
            abandoned = List.copyOf(abandoned);
        }
    }
}
