package org.kunnafoni.dispatch;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Port to a rate limit shared by every gateway instance, per sender id, counted in segments: carriers and
 * Twilio meter throughput in segments per second per sender, not in messages.
 */
public interface RateLimiter {
    CompletionStage<Decision> acquire(String sender, int cost);

    sealed interface Decision {
        record Granted() implements Decision {
        }

        /** Nothing was taken; try again after {@code pause}. */
        record WaitFor(Duration pause) implements Decision {
        }
    }
}
