package org.kunnafoni.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling, for the audit log and the per-address login throttle. Behind a reverse proxy every request
 * comes from the proxy, so one address would stand for everyone (20 failed logins would lock all users out).
 * {@code X-Forwarded-For} is believed only when the connection comes from a configured trusted proxy, and then
 * read from the right: the first address not itself a trusted proxy is the one the outermost proxy saw.
 * Anyone else's {@code X-Forwarded-For} is ignored, so a client cannot pick its own address.
 */
final class ClientAddress implements Handler<RoutingContext> {
    static final String KEY = "kunnafoni.client-address";
    private static final Pattern IP = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final Set<String> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = Set.copyOf(trustedProxies);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String remote = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        ctx.put(KEY, trusted.contains(remote) ? forwarded(ctx.request().headers().getAll("X-Forwarded-For"), remote)
                : remote);
        ctx.next();
    }

    private String forwarded(List<String> headers, String remote) {
        String hops = String.join(",", headers);
        String[] entries = hops.split(",");
        for (int i = entries.length - 1; i >= 0; i--) {
            String hop = entries[i].trim();
            if (!IP.matcher(hop).matches()) {
                return remote; // a malformed chain: believe nothing in it
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
