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
                        "created_at", s.createdAt().toString(), "expires_at", s.expiresAt().toString(),
                        "credential", s.credential(), "last_seen", s.lastSeen().toString()))
                .thenCompose(n -> redis.async().pexpire(key, ttl.toMillis()))
                .thenApply(ok -> null);
    }

    @Override
    public CompletionStage<Optional<Session>> find(String tokenHash) {
        return redis.async().hgetall(RedisKeys.session(tokenHash)).thenApply(h -> h == null || h.get("username") == null
                ? Optional.empty()
                : Optional.of(new Session(tokenHash, h.get("username"),
                        Role.fromId(h.get("role")).orElse(Role.MONITOR), h.get("csrf"),
                        Instant.parse(h.get("created_at")), Instant.parse(h.get("expires_at")),
                        h.getOrDefault("credential", ""),
                        Instant.parse(h.getOrDefault("last_seen", h.get("created_at"))))));
    }

    /**
     * A touch racing a logout can leave a hash with only {@code last_seen}: {@link #find} ignores a hash without
     * a user name, and the expiry set again here removes it by the session's end at the latest.
     */
    @Override
    public CompletionStage<Void> touch(String tokenHash, Instant lastSeen, Duration remaining) {
        String key = RedisKeys.session(tokenHash);
        return redis.async().hset(key, "last_seen", lastSeen.toString())
                .thenCompose(b -> redis.async().pexpire(key, Math.max(1, remaining.toMillis())))
                .thenApply(ok -> null);
    }

    @Override
    public CompletionStage<Void> delete(String tokenHash) {
        return redis.async().del(RedisKeys.session(tokenHash)).thenApply(n -> null);
    }
}
