package org.kunnafoni.web.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public interface SessionStore {
    CompletionStage<Void> save(Session session, Duration ttl);

    CompletionStage<Optional<Session>> find(String tokenHash);

    /** Records use of a live session (the idle clock restarts); {@code remaining} is its time to live. */
    CompletionStage<Void> touch(String tokenHash, Instant lastSeen, Duration remaining);

    CompletionStage<Void> delete(String tokenHash);
}
