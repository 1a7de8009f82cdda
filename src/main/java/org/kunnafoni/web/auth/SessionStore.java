package org.kunnafoni.web.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public interface SessionStore {
    CompletionStage<Void> save(Session session, Duration ttl);

    CompletionStage<Optional<Session>> find(String tokenHash);

    CompletionStage<Void> delete(String tokenHash);
}
