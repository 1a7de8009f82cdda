package org.kunnafoni.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling, for the per-address rate limits, the login throttle and the audit log. Behind a reverse proxy
 * every request comes from the proxy, so one address would stand for everyone (20 failed logins would lock all
 * users out). {@code X-Forwarded-For} is believed only when the connection comes from a configured trusted proxy,
 * and then read from the right: the first entry that is not itself a trusted proxy is the one the outermost proxy
 * saw (entries further left were written by the client and can be forged). A malformed chain is not believed at
 * all, so a header can never pick an arbitrary Redis key. The handler stores the answer under {@link #KEY}.
 */
public final class ClientAddress implements Handler<RoutingContext> {
    static final String KEY = "kunnafoni.client-address";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_HOPS = 32;

    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(p -> {
            String canonical = canonical(p);
            return canonical == null ? p : canonical;
        }).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void handle(RoutingContext ctx) {
        String remote = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
        List<String> forwarded = ctx.request().headers().getAll("X-Forwarded-For");
        ctx.put(KEY, of(remote, forwarded.isEmpty() ? null : String.join(",", forwarded)));
        ctx.next();
    }

    public String of(String remote, String forwardedFor) {
        String canonicalRemote = remote == null ? null : canonical(remote);
        String direct = canonicalRemote != null ? canonicalRemote : remote == null ? "" : remote;
        if (forwardedFor == null || !trustedProxies.contains(direct)) {
            return direct;
        }
        String[] hops = forwardedFor.split(",", MAX_HOPS);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = canonical(hops[i].strip());
            if (hop == null) {
                return direct;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return direct;
    }

    /**
     * One spelling per address ({@code 2001:db8::1} and {@code 2001:DB8:0:0:0:0:0:1} alike), as the configured
     * proxies are stored, so a trusted proxy is recognised however it writes itself; null when not an IP literal.
     * A literal never triggers a DNS lookup.
     */
    static String canonical(String text) {
        if (!isIpLiteral(text)) {
            return null;
        }
        try {
            return java.net.InetAddress.getByName(text).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    /** An IPv4 dotted quad (each part ≤ 255) or an IPv6 literal: never a name, so parsing it asks no DNS. */
    public static boolean isIpLiteral(String text) {
        if (text == null || !IP_LITERAL.matcher(text).matches()) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return true; // no host name has a colon: InetAddress reads it as an IPv6 literal
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
