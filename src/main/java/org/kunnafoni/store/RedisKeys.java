package org.kunnafoni.store;

/**
 * Every Redis key pattern the gateway uses, in one place. Keys of one entity share a hash tag ({…}) so that
 * multi-key scripts stay in one slot on a Redis Cluster.
 */
public final class RedisKeys {
    /** Durable intake stream of alerts, waiting for triage. */
    public static final String INTAKE_STREAM = "{intake}:stream";

    private RedisKeys() {
    }

    /** Marks a provider message id as seen (TTL: intake.dedupe-ttl); same slot as the intake stream. */
    public static String intakeSeen(String channel, String providerId) {
        return "{intake}:seen:" + channel + ":" + providerId;
    }

    /** Hash with one subscriber's consent state (encrypted phone, region, language, status, timestamps). */
    public static String subscriber(String pseudonym) {
        return "sub:{" + pseudonym + "}";
    }

    /** List of every consent change of one subscriber, oldest first (JSON entries). */
    public static String subscriberHistory(String pseudonym) {
        return "sub:{" + pseudonym + "}:history";
    }

    /** Marks a keyword message as applied to one subscriber (TTL: intake.dedupe-ttl). */
    public static String subscriberSeen(String pseudonym, String channel, String providerId) {
        return "sub:{" + pseudonym + "}:seen:" + channel + ":" + providerId;
    }

    // --- accounts, sessions, audit ---

    /** Set of every user name (for the admin list). */
    public static final String USERS = "users";

    /** Append-only audit stream. */
    public static final String AUDIT_LOG = "{audit}:log";

    /** Hash of one account: role, bcrypt hash, disabled flag, creation time. */
    public static String user(String username) {
        return "user:{" + username + "}";
    }

    /** Hash of one session, keyed by the SHA-256 of its bearer token; expires with the session. */
    public static String session(String tokenHash) {
        return "session:{" + tokenHash + "}";
    }

    /** Failed-login counter for a user name (TTL: auth.login-lockout). */
    public static String loginFailuresForUser(String username) {
        return "throttle:login:user:{" + username + "}";
    }

    /** Failed-login counter for a client address (TTL: auth.login-lockout). */
    public static String loginFailuresForAddress(String address) {
        return "throttle:login:addr:{" + address + "}";
    }
}
