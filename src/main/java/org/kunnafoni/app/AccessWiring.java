package org.kunnafoni.app;

import org.kunnafoni.store.RedisAuditLog;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisLoginThrottle;
import org.kunnafoni.store.RedisSessionStore;
import org.kunnafoni.store.RedisUserStore;
import org.kunnafoni.web.AuditRoutes;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.AuthRoutes;
import org.kunnafoni.web.auth.AuthService;
import org.kunnafoni.web.auth.PasswordHasher;
import org.kunnafoni.web.auth.UserRoutes;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Builds accounts, sessions and audit on Redis, and creates the first admin account on a fresh install. */
final class AccessWiring {
    private AccessWiring() {
    }

    record Access(AuthService auth, AuthHandler handler, AuthRoutes authRoutes, UserRoutes userRoutes,
                  AuditRoutes auditRoutes) {
    }

    static Access build(GatewayConfig config, RedisConnector redis, ExecutorService hashing, InstantSource clock)
            throws Exception {
        GatewayConfig.Auth settings = config.auth();
        AuthService auth = new AuthService(new RedisUserStore(redis), new RedisSessionStore(redis),
                new RedisLoginThrottle(redis, settings.loginMaxFailures(), settings.loginLockout()),
                new RedisAuditLog(redis), new PasswordHasher(settings.bcryptCost()), hashing, clock,
                settings.sessionTtl(), settings.sessionIdle());
        AuthHandler handler = new AuthHandler(auth, config.publicUrl());
        createFirstAdmin(auth, config.secrets().adminPassword());
        return new Access(auth, handler,
                new AuthRoutes(auth, handler, "https".equals(config.publicUrl().getScheme()), settings.sessionTtl()),
                new UserRoutes(auth, handler),
                new AuditRoutes(auth.audit(), handler));
    }

    /** The generated password is printed once, on standard output, never logged. */
    private static void createFirstAdmin(AuthService auth, Optional<String> configured) throws Exception {
        Optional<String> generated;
        try {
            generated = auth.ensureAdmin(configured).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            org.slf4j.LoggerFactory.getLogger(AccessWiring.class).warn(
                    "could not check for the first admin account (Redis unavailable: {}); will try at the next start",
                    e.toString());
            return;
        }
        generated.ifPresent(password -> System.out.println("""
                
                Created the first account. User name: admin   Password: %s
                This password is shown only now. Log in and create personal accounts for each monitor.
                """.formatted(password)));
    }
}
