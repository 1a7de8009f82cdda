package org.kunnafoni.web.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.web.Api;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Set;

/**
 * Authenticates API requests by bearer token (API clients) or session cookie (the dashboard). Cookie requests
 * that change state must carry the session's CSRF token and, when the browser sends one, an Origin equal to the
 * gateway's public origin — so a forged cross-site request is refused even though the browser adds the cookie.
 */
public final class AuthHandler implements Handler<RoutingContext> {
    public static final String COOKIE = "kf_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_KEY = "kunnafoni.session";
    private static final Logger LOG = LoggerFactory.getLogger(AuthHandler.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AuthService auth;
    private final String publicOrigin;

    public AuthHandler(AuthService auth, URI publicUrl) {
        this.auth = auth;
        this.publicOrigin = origin(publicUrl);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        Cookie cookie = ctx.request().getCookie(COOKIE);
        String token = bearer ? header.substring(7) : cookie == null ? null : cookie.getValue();
        if (token == null) {
            Api.error(ctx, 401, "log in first");
            return;
        }
        Api.await(ctx, auth.authenticate(token), session -> {
            if (session.isEmpty()) {
                Api.error(ctx, 401, "session expired or unknown; log in again");
                return;
            }
            if (!bearer && !SAFE.contains(ctx.request().method()) && !sameSiteRequest(ctx, session.get())) {
                LOG.warn("refused {} {} by {} from {}: missing or wrong CSRF token or foreign origin",
                        ctx.request().method(), ctx.request().path(), session.get().username(), Api.address(ctx));
                Api.error(ctx, 403, "missing or wrong CSRF token");
                return;
            }
            ctx.put(SESSION_KEY, session.get());
            ctx.next();
        });
    }

    private boolean sameSiteRequest(RoutingContext ctx, Session session) {
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !origin.equals(publicOrigin) && !isLocalOrigin(ctx, origin)) {
            return false;
        }
        return Tokens.same(ctx.request().getHeader(CSRF_HEADER), session.csrf());
    }

    /** The dashboard opened directly on the gateway's own address (development, tests) is the same site too. */
    private static boolean isLocalOrigin(RoutingContext ctx, String origin) {
        String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    public static Session session(RoutingContext ctx) {
        return ctx.get(SESSION_KEY);
    }

    /** Lets the request through only for this role or a higher one. */
    public static Handler<RoutingContext> require(Role role) {
        return ctx -> {
            Session session = session(ctx);
            if (session == null || !session.role().atLeast(role)) {
                LOG.warn("refused {} {} to {} ({}): needs {}", ctx.request().method(), ctx.request().path(),
                        session == null ? "-" : session.username(), session == null ? "-" : session.role().id(), role.id());
                Api.error(ctx, 403, "this needs the " + role.id() + " role");
                return;
            }
            ctx.next();
        };
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }
}
