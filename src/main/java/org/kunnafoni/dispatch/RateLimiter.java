package org.kunnafoni.dispatch;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Port to a rate limit shared by every gateway instance, per sender id, counted in segments: carriers and
 * Twilio meter throughput in segments per second per sender, not in messages.
 *
 * <p>The limit reserves rather than refuses: each caller is handed its own send time (the sender's next free
 * slot), so a backlog goes out one slot after another instead of every waiting dispatch racing for the next one.
 * A reserved slot nobody uses (the dispatch was canceled meanwhile, or its worker died) simply passes.
 */
public interface RateLimiter {
    CompletionStage<Decision> acquire(String sender, int cost);

    /** The slack of slots spaced 1.5 % wider than a whole rate: 1.5 % of a second. */
    Duration DEFAULT_SLACK = Duration.ofMillis(15);

    sealed interface Decision {
        /** Send now. */
        record Granted() implements Decision {
        }

        /**
         * A slot is reserved: send {@code delay} after the moment {@link #acquire} was called, not before, and no
         * more than {@code slack} after it (see {@link SendSlot}).
         */
        record Reserved(Duration delay, Duration slack) implements Decision {
            /** With the slack of slots 1.5 % wider than a whole rate (tests and fakes). */
            public Reserved(Duration delay) {
                this(delay, DEFAULT_SLACK);
            }
        }

        /** Nothing was taken (the next free slot is too far ahead to hold a worker for); try again after {@code pause}. */
        record WaitFor(Duration pause) implements Decision {
        }
    }
}
