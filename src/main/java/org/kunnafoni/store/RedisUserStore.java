package org.kunnafoni.store;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.web.auth.Role;
import org.kunnafoni.web.auth.User;
import org.kunnafoni.web.auth.UserStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Accounts as Redis hashes, plus a set of names for listing. */
public final class RedisUserStore implements UserStore {
    private final RedisConnector redis;

    public RedisUserStore(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<Optional<User>> find(String username) {
        return redis.async().hgetall(RedisKeys.user(username)).thenApply(h -> toUser(username, h));
    }

    @Override
    public CompletionStage<Boolean> create(User user) {
        RedisClusterAsyncCommands<String, String> r = redis.async();
        return r.hsetnx(RedisKeys.user(user.username()), "created_at", user.createdAt().toString())
                .thenCompose(created -> !created ? CompletableFuture.completedFuture(false)
                        : write(user).thenCompose(v -> r.sadd(RedisKeys.USERS, user.username())).thenApply(n -> true));
    }

    @Override
    public CompletionStage<Void> update(User user) {
        return write(user);
    }

    @Override
    public CompletionStage<List<User>> all() {
        return redis.async().smembers(RedisKeys.USERS).thenCompose(names -> {
            List<CompletableFuture<Optional<User>>> lookups = names.stream()
                    .map(n -> find(n).toCompletableFuture()).toList();
            return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                    .thenApply(v -> lookups.stream().map(CompletableFuture::join).flatMap(Optional::stream)
                            .sorted(Comparator.comparing(User::username)).toList());
        });
    }

    private CompletionStage<Void> write(User user) {
        return redis.async().hset(RedisKeys.user(user.username()), Map.of(
                "role", user.role().id(),
                "password_hash", user.passwordHash(),
                "disabled", Boolean.toString(user.disabled()))).thenApply(n -> null);
    }

    private static Optional<User> toUser(String username, Map<String, String> h) {
        if (h == null || !h.containsKey("role")) {
            return Optional.empty();
        }
        return Optional.of(new User(username, Role.fromId(h.get("role")).orElse(Role.MONITOR),
                h.get("password_hash"), Boolean.parseBoolean(h.get("disabled")),
                Instant.parse(h.getOrDefault("created_at", Instant.EPOCH.toString()))));
    }
}
