package org.kunnafoni.web;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request is counted against. {@code X-Forwarded-For} is believed only when the connection comes
 * from a configured trusted proxy; then the right-most entry that is not itself a trusted proxy is the client
 * (entries further left were written by the client and can be forged). Anything that is not an IP literal falls
 * back to the connection's address, so a header can never pick an arbitrary Redis key.
 */
public final class ClientAddress {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(String remote, String forwardedFor) {
        String direct = remote == null ? "" : remote;
        if (forwardedFor == null || !trustedProxies.contains(direct)) {
            return direct;
        }
        String[] hops = forwardedFor.split(",", 32);
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!isIpLiteral(hop)) {
                return direct;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return direct;
    }

    public static boolean isIpLiteral(String text) {
        return text != null && IP_LITERAL.matcher(text).matches() && (text.indexOf('.') >= 0 || text.indexOf(':') >= 0);
    }
}
