package org.kunnafoni.web;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
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

    // pre-encoded names and values: set on every answer (every alert too), so not re-encoded to bytes each time
    private static final CharSequence[] HEADERS = optimized(
            "Content-Security-Policy", CSP,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()",
            "Cache-Control", "no-store");
    private static final CharSequence[] HSTS_HEADER = optimized("Strict-Transport-Security", HSTS);

    private final boolean hsts;

    SecurityHeaders(URI publicUrl) {
        this.hsts = publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    @Override
    public void handle(RoutingContext ctx) {
        apply(ctx.response().headers());
        ctx.next();
    }

    /** Also for answers given outside the router (the Twilio webhook). */
    void apply(MultiMap headers) {
        set(headers, HEADERS);
        if (hsts) {
            set(headers, HSTS_HEADER);
        }
    }

    private static void set(MultiMap headers, CharSequence[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            headers.set(pairs[i], pairs[i + 1]);
        }
    }

    private static CharSequence[] optimized(String... pairs) {
        CharSequence[] out = new CharSequence[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = HttpHeaders.createOptimized(pairs[i]);
        }
        return out;
    }
}
