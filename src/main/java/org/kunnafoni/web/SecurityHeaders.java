package org.kunnafoni.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;

/**
 * Strict headers on every answer: no inline script, no framing, no MIME sniffing, no referrer, nothing stored
 * by browsers or shared caches (the dashboard's static files relax that to {@code no-cache}), and HSTS when the
 * gateway is published over https. No CORS header is ever sent: the API serves its own dashboard only.
 */
final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** One year, the preload minimum; sub-domains are left to whoever runs the parent domain. */
    static final String HSTS = "max-age=31536000";

    private final boolean hsts;

    SecurityHeaders(URI publicUrl) {
        this.hsts = publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    @Override
    public void handle(RoutingContext ctx) {
        var headers = ctx.response().headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
                .set("Cache-Control", "no-store");
        if (hsts) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        ctx.next();
    }
}
