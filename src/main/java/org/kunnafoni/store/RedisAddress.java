package org.kunnafoni.store;

import io.lettuce.core.RedisURI;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code redis.uri} points at: one server ({@code redis://}, {@code rediss://}, {@code redis-socket://}), a
 * master found through Sentinel ({@code redis-sentinel://h:p[,h:p]/db#master}, Lettuce's own form), or a Redis
 * Cluster given by seed nodes ({@code redis-cluster://h:p[,h:p…]}, {@code rediss-cluster://…}, or
 * {@code redis://h:p[,h:p…]?cluster=true}).
 *
 * @param seeds one URI for a server or Sentinel, one per seed node for a cluster
 */
public record RedisAddress(Mode mode, List<RedisURI> seeds) {
    public enum Mode { STANDALONE, SENTINEL, CLUSTER }

    private static final String CLUSTER_FLAG = "cluster=true";

    public RedisAddress {
        seeds = List.copyOf(seeds);
    }

    /** @throws IllegalArgumentException with a message fit for the operator, the password left out */
    public static RedisAddress parse(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("redis-cluster://") || lower.startsWith("rediss-cluster://")) {
            String scheme = lower.startsWith("rediss") ? "rediss://" : "redis://";
            return cluster(scheme, uri.substring(uri.indexOf("://") + 3), uri);
        }
        if ((lower.startsWith("redis://") || lower.startsWith("rediss://")) && hasClusterFlag(lower)) {
            String scheme = lower.startsWith("rediss") ? "rediss://" : "redis://";
            return cluster(scheme, withoutClusterFlag(uri.substring(uri.indexOf("://") + 3)), uri);
        }
        if (!lower.startsWith("redis://") && !lower.startsWith("rediss://") && !lower.startsWith("redis-sentinel://")
                && !lower.startsWith("redis-socket://")) {
            throw new IllegalArgumentException("'" + redact(uri) + "' must start with redis://, rediss://, "
                    + "redis-sentinel://, redis-socket://, redis-cluster:// or rediss-cluster://");
        }
        if (lower.startsWith("redis-sentinel://") && (!uri.contains("#") || uri.endsWith("#"))) {
            throw new IllegalArgumentException("'" + redact(uri) + "' names no master: end it with #<master name>");
        }
        RedisURI parsed = create(uri, uri);
        boolean sentinel = !parsed.getSentinels().isEmpty();
        if (!sentinel && !lower.startsWith("redis-socket://") && (parsed.getHost() == null || parsed.getHost().isBlank())) {
            throw new IllegalArgumentException("'" + redact(uri) + "' names no host");
        }
        return new RedisAddress(sentinel ? Mode.SENTINEL : Mode.STANDALONE, List.of(parsed));
    }

    /** The operator's problem with {@code uri}, or null when it is usable. */
    public static String problem(String uri) {
        try {
            parse(uri);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static RedisAddress cluster(String scheme, String rest, String original) {
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hosts = authority.substring(at + 1);
        List<RedisURI> seeds = new ArrayList<>();
        for (String host : hosts.split(",")) {
            if (host.isBlank()) {
                throw new IllegalArgumentException("'" + redact(original) + "' has an empty seed node");
            }
            if (!host.trim().matches("(\\[[0-9a-fA-F:.]+]|[^:\\[\\]]+)(:\\d{1,5})?")) {
                throw new IllegalArgumentException("'" + redact(original) + "' is not a Redis URI: seed node '"
                        + host.trim() + "' is not host[:port]");
            }
            RedisURI seed = create(scheme + userInfo + host.trim() + tail, original);
            if (seed.getDatabase() != 0) {
                throw new IllegalArgumentException("'" + redact(original) + "' selects database " + seed.getDatabase()
                        + ", a Redis Cluster has only database 0");
            }
            seeds.add(seed);
        }
        return new RedisAddress(Mode.CLUSTER, seeds);
    }

    private static RedisURI create(String uri, String original) {
        try {
            return RedisURI.create(uri);
        } catch (RuntimeException e) {
            // not the parser's message: it quotes the whole input, password included
            throw new IllegalArgumentException("'" + redact(original) + "' is not a Redis URI (characters of a "
                    + "password other than letters and digits must be percent-encoded)", e);
        }
    }

    private static boolean hasClusterFlag(String lower) {
        int query = lower.indexOf('?');
        return query >= 0 && List.of(lower.substring(query + 1).split("[&#]")).contains(CLUSTER_FLAG);
    }

    private static String withoutClusterFlag(String rest) {
        int query = rest.indexOf('?');
        String head = rest.substring(0, query);
        List<String> kept = new ArrayList<>();
        for (String part : rest.substring(query + 1).split("&")) {
            if (!part.equalsIgnoreCase(CLUSTER_FLAG)) {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? head : head + "?" + String.join("&", kept);
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The URI without its password, for messages and logs. */
    public static String redact(String uri) {
        int start = uri.indexOf("//");
        int at = uri.lastIndexOf('@');
        // up to the last '@': a password may itself hold '/' or a badly encoded '@'
        return start < 0 || at < start ? uri : uri.substring(0, start + 2) + "***" + uri.substring(at);
    }
}
