package org.kunnafoni.web.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.web.Api;

import java.time.Duration;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/session}, and
 * {@code POST /api/session/password} (a user changes their own password; the answer is a new session).
 */
public final class AuthRoutes implements org.kunnafoni.web.ApiModule {
    private static final int MAX_FIELD = 128;
    /** UTF-16 units: 128 characters outside the basic plane (Tifinagh is inside it, emoji are not) take 256. */
    private static final int MAX_PASSWORD_UNITS = 2 * PasswordPolicy.MAX;

    private final PasswordPolicy policy = PasswordPolicy.bundled();

    private final AuthService auth;
    private final AuthHandler authenticated;
    private final boolean secureCookie;
    private final Duration sessionTtl;

    public AuthRoutes(AuthService auth, AuthHandler authenticated, boolean secureCookie, Duration sessionTtl) {
        this.auth = auth;
        this.authenticated = authenticated;
        this.secureCookie = secureCookie;
        this.sessionTtl = sessionTtl;
    }

    @Override
    public void mount(Router api) {
        api.post("/login").handler(this::login);
        api.post("/logout").handler(authenticated).handler(this::logout);
        api.get("/session").handler(authenticated).handler(ctx -> Api.json(ctx, 200,
                describe(AuthHandler.session(ctx))));
        api.post("/session/password").handler(authenticated).handler(this::changePassword);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        Object username = body.getValue("username");
        Object password = body.getValue("password");
        if (!(username instanceof String u) || !(password instanceof String p) || u.isBlank() || p.isEmpty()
                || u.length() > MAX_FIELD || p.length() > MAX_PASSWORD_UNITS) {
            Api.error(ctx, 400, "username and password are required strings of at most " + MAX_FIELD + " characters");
            return;
        }
        Api.await(ctx, auth.login(u.trim(), p, Api.address(ctx)), result -> answer(ctx, result));
    }

    /** A new session on success; the session that came with the request (if any) is ended, never reused. */
    private void answer(RoutingContext ctx, LoginResult result) {
        if (result instanceof LoginResult.Success success) {
            Cookie previous = ctx.request().getCookie(AuthHandler.COOKIE);
            Api.await(ctx, auth.discard(previous == null ? null : previous.getValue()), v -> {
                ctx.response().addCookie(sessionCookie(success.token(), sessionTtl.toSeconds()));
                Api.json(ctx, 200, describe(success.session()).put("token", success.token()));
            });
        } else if (result instanceof LoginResult.Throttled) {
                ctx.response().putHeader("Retry-After", "900");
                Api.error(ctx, 429, "too many failed attempts; try again later");
        } else {
            Api.error(ctx, 401, "wrong user name or password");
        }
    }

    private void changePassword(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        Object current = body.getValue("current_password");
        Object next = body.getValue("new_password");
        if (!(current instanceof String c) || !(next instanceof String n) || c.isEmpty()
                || c.length() > MAX_PASSWORD_UNITS) {
            Api.error(ctx, 400, "current_password and new_password are required strings");
            return;
        }
        var problem = policy.problem(n);
        if (problem.isPresent()) {
            Api.error(ctx, 400, problem.get());
            return;
        }
        Api.await(ctx, auth.changeOwnPassword(AuthHandler.session(ctx), c, n, Api.address(ctx)), result -> {
            if (result instanceof LoginResult.Refused) {
                Api.error(ctx, 403, "the current password is wrong");
            } else {
                answer(ctx, result);
            }
        });
    }

    private void logout(RoutingContext ctx) {
        Api.await(ctx, auth.logout(AuthHandler.session(ctx), Api.address(ctx)), v -> {
            ctx.response().addCookie(sessionCookie("", 0));
            ctx.response().setStatusCode(204).end();
        });
    }

    private Cookie sessionCookie(String value, long maxAgeSeconds) {
        return Cookie.cookie(AuthHandler.COOKIE, value).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secureCookie).setPath("/").setMaxAge(maxAgeSeconds);
    }

    private static JsonObject describe(Session s) {
        return new JsonObject().put("username", s.username()).put("role", s.role().id()).put("csrf", s.csrf())
                .put("expires_at", s.expiresAt().toString());
    }
}
