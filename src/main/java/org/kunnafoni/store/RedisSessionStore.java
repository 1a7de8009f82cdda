package org.kunnafoni.store;

import org.kunnafoni.web.auth.Role;
import org.kunnafoni.web.auth.Session;
import org.kunnafoni.web.auth.SessionStore;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Sessions as Redis hashes that expire with the session. */
public final class RedisSessionStore implements SessionStore {
    private final RedisConnector redis;

    public RedisSessionStore(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Void> save(Session s, Duration ttl) {
        String key = RedisKeys.session(s.tokenHash());
        return redis.async().hset(key, Map.of(
                        "username", s.username(), "role", s.role().id(), "csrf", s.csrf(),
                        "created_at", s.createdAt().toString(), "expires_at", s.expiresAt().toString()))
                .thenCompose(n -> redis.async().pexpire(key, ttl.toMillis()))
                .thenApply(ok -> null);
    }

    @Override
    public CompletionStage<Optional<Session>> find(String tokenHash) {
        return redis.async().hgetall(RedisKeys.session(tokenHash)).thenApply(h -> h == null || h.isEmpty()
                ? Optional.empty()
                : Optional.of(new Session(tokenHash, h.get("username"),
                        Role.fromId(h.get("role")).orElse(Role.MONITOR), h.get("csrf"),
                        Instant.parse(h.get("created_at")), Instant.parse(h.get("expires_at")))));
    }

    @Override
    public CompletionStage<Void> delete(String tokenHash) {
        return redis.async().del(RedisKeys.session(tokenHash)).thenApply(n -> null);
    }
}
