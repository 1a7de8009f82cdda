package org.kunnafoni.web.auth;

import org.kunnafoni.lead.AuditEvent;
import org.kunnafoni.lead.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Logins, sessions and accounts. bcrypt runs on the given executor, never on an event loop. A session ends at
 * its absolute expiry, after {@code sessionIdle} without use, at logout, when its user is disabled, and when
 * the user's password changes (the session carries a fingerprint of the password hash it was opened with).
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);

    private final UserStore users;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Executor hashing;
    private final InstantSource clock;
    private final Duration sessionTtl;
    private final Duration sessionIdle;
    private final Duration touchEvery;

    public AuthService(UserStore users, SessionStore sessions, LoginThrottle throttle, AuditLog audit,
                       PasswordHasher hasher, Executor hashing, InstantSource clock, Duration sessionTtl,
                       Duration sessionIdle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.hasher = hasher;
        this.hashing = hashing;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
        this.sessionIdle = sessionIdle;
        // last use is written at most this often: one Redis write per session per interval, not per request
        Duration tenth = sessionIdle.dividedBy(10);
        this.touchEvery = tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    public AuditLog audit() {
        return audit;
    }

    public CompletionStage<LoginResult> login(String username, String password, String address) {
        return throttle.blocked(username, address).thenCompose(blocked -> {
            if (blocked) {
                return record(username, "login_throttled", username, address, Map.of())
                        .thenApply(v -> (LoginResult) new LoginResult.Throttled());
            }
            return users.find(username).thenComposeAsync(user -> {
                boolean valid = user.filter(u -> !u.disabled()).map(u -> hasher.verify(password, u.passwordHash()))
                        .orElseGet(() -> {
                            hasher.burn(password);
                            return false;
                        });
                return valid ? openSession(user.get(), address) : refuse(username, address);
            }, hashing);
        });
    }

    private CompletionStage<LoginResult> openSession(User user, String address) {
        String token = Tokens.random();
        Instant now = clock.instant();
        Session session = new Session(Tokens.hash(token), user.username(), user.role(), Tokens.random(), now,
                now.plus(sessionTtl), credential(user), now);
        return sessions.save(session, sessionTtl)
                .thenCompose(v -> throttle.succeeded(user.username()))
                .thenCompose(v -> record(user.username(), "login", user.username(), address, Map.of()))
                .thenApply(v -> new LoginResult.Success(session, token));
    }

    private CompletionStage<LoginResult> refuse(String username, String address) {
        return throttle.failed(username, address)
                .thenCompose(v -> record(username, "login_failed", username, address, Map.of()))
                .thenApply(v -> new LoginResult.Refused());
    }

    /**
     * The live session for a bearer token: it exists, is neither past its expiry nor idle too long, and its user
     * is still enabled with the same password. A session that fails any of these is deleted.
     */
    public CompletionStage<Optional<Session>> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return sessions.find(Tokens.hash(token.trim())).thenCompose(found -> {
            Instant now = clock.instant();
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<Session>empty());
            }
            Session s = found.get();
            if (!s.expiresAt().isAfter(now) || !s.lastSeen().plus(sessionIdle).isAfter(now)) {
                return end(s);
            }
            return users.find(s.username()).thenCompose(user -> {
                if (user.isEmpty() || user.get().disabled() || !Tokens.same(credential(user.get()), s.credential())) {
                    return end(s);
                }
                Optional<Session> live = Optional.of(s.withRole(user.get().role()));
                if (Duration.between(s.lastSeen(), now).compareTo(touchEvery) < 0) {
                    return CompletableFuture.completedFuture(live);
                }
                return sessions.touch(s.tokenHash(), now, Duration.between(now, s.expiresAt())).thenApply(v -> live);
            });
        });
    }

    private CompletionStage<Optional<Session>> end(Session s) {
        return sessions.delete(s.tokenHash()).thenApply(v -> Optional.<Session>empty());
    }

    /** Ends the session of a token presented at login, so one browser never holds two live sessions. */
    public CompletionStage<Void> discard(String token) {
        return token == null || token.isBlank() ? CompletableFuture.completedFuture(null)
                : sessions.delete(Tokens.hash(token.trim()));
    }

    /**
     * The user's own password change: the current password is checked (and counts toward the login throttle),
     * every session of the user ends with the old password hash, and a fresh session is answered.
     */
    public CompletionStage<LoginResult> changeOwnPassword(Session session, String current, String next,
                                                          String address) {
        String username = session.username();
        return throttle.blocked(username, address).thenCompose(blocked -> {
            if (blocked) {
                return record(username, "password_change_throttled", username, address, Map.of())
                        .thenApply(v -> (LoginResult) new LoginResult.Throttled());
            }
            return users.find(username).thenComposeAsync(user -> {
                if (user.isEmpty() || user.get().disabled() || !hasher.verify(current, user.get().passwordHash())) {
                    return throttle.failed(username, address)
                            .thenCompose(v -> record(username, "password_change_failed", username, address, Map.of()))
                            .thenApply(v -> (LoginResult) new LoginResult.Refused());
                }
                User u = user.get();
                User changed = new User(u.username(), u.role(), hasher.hash(next), false, u.createdAt());
                return users.update(changed)
                        .thenCompose(v -> sessions.delete(session.tokenHash()))
                        .thenCompose(v -> record(username, "password_changed", username, address, Map.of()))
                        .thenCompose(v -> openSession(changed, address));
            }, hashing);
        });
    }

    /** A short fingerprint of the password hash: changes with every new password, reveals nothing of it. */
    private static String credential(User user) {
        return Tokens.hash("credential:" + user.passwordHash()).substring(0, 24);
    }

    public CompletionStage<Void> logout(Session session, String address) {
        return sessions.delete(session.tokenHash())
                .thenCompose(v -> record(session.username(), "logout", session.username(), address, Map.of()));
    }

    /** Creates {@code admin} on first start; answers the generated password when none was configured. */
    public CompletionStage<Optional<String>> ensureAdmin(Optional<String> configuredPassword) {
        return users.all().thenCompose(existing -> {
            if (!existing.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<String>empty());
            }
            String password = configuredPassword.orElseGet(Tokens::random);
            return CompletableFuture.supplyAsync(() -> hasher.hash(password), hashing)
                    .thenCompose(hash -> users.create(new User("admin", Role.ADMIN, hash, false, clock.instant())))
                    .thenCompose(created -> record("system", "user_created", "admin", "", Map.of("role", "admin")))
                    .thenApply(v -> configuredPassword.isPresent() ? Optional.<String>empty() : Optional.of(password));
        });
    }

    public CompletionStage<Boolean> createUser(Session actor, String username, String password, Role role,
                                               String address) {
        return CompletableFuture.supplyAsync(() -> hasher.hash(password), hashing)
                .thenCompose(hash -> users.create(new User(username, role, hash, false, clock.instant())))
                .thenCompose(created -> !created ? CompletableFuture.completedFuture(false)
                        : record(actor.username(), "user_created", username, address, Map.of("role", role.id()))
                        .thenApply(v -> true));
    }

    /** Changes role, password or disabled flag; answers false when the user does not exist. */
    public CompletionStage<Boolean> updateUser(Session actor, String username, Optional<Role> role,
                                               Optional<String> password, Optional<Boolean> disabled, String address) {
        return users.find(username).thenComposeAsync(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(false);
            }
            User u = found.get();
            User changed = new User(u.username(), role.orElse(u.role()),
                    password.map(hasher::hash).orElse(u.passwordHash()), disabled.orElse(u.disabled()), u.createdAt());
            Map<String, String> details = new java.util.LinkedHashMap<>();
            role.ifPresent(r -> details.put("role", r.id()));
            password.ifPresent(p -> details.put("password", "changed"));
            disabled.ifPresent(d -> details.put("disabled", d.toString()));
            return users.update(changed)
                    .thenCompose(v -> record(actor.username(), "user_updated", username, address, details))
                    .thenApply(v -> true);
        }, hashing);
    }

    public CompletionStage<java.util.List<User>> users() {
        return users.all();
    }

    public CompletionStage<Void> record(String actor, String action, String target, String address,
                                        Map<String, String> details) {
        return audit.append(new AuditEvent(clock.instant(), actor, action, target, address, details))
                .handle((id, error) -> {
                    if (error != null) {
                        LOG.error("could not write audit event {} by {}: {}", action, actor, error.toString());
                        throw new java.util.concurrent.CompletionException(error);
                    }
                    return null;
                });
    }
}
