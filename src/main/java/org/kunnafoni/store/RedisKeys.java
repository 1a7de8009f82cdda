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

    // ---- Outbound dispatch (dispatch pipeline, helper/dispatch) ----------------------------------------------
    // One hash per dispatch (its own slot); the queue keys share the {dispatch} tag so the promote script that
    // touches both stays in one slot; rate-limit keys are per sender.

    /** Durable stream of dispatch ids to send, read by the {@link #DISPATCH_GROUP} consumer group. */
    public static final String DISPATCH_STREAM = "{dispatch}:stream";

    /** Consumer group of the dispatch workers of every gateway instance. */
    public static final String DISPATCH_GROUP = "dispatchers";

    /** Sorted set of dispatch ids waiting for a time (quiet hours, rate limit, back-off, held); score = due ms. */
    public static final String DISPATCH_DELAYED = "{dispatch}:delayed";

    /** Hash with one dispatch (run, recipient pseudonym, channel, sender, body, state, rank, attempts, …). */
    public static String dispatch(String dispatchId) {
        return "dispatch:{" + dispatchId + "}";
    }

    /** Provider message id → dispatch id, for status callbacks (TTL: 30 days). */
    public static String dispatchByProvider(String providerId) {
        return "dispatch:provider:{" + providerId + "}";
    }

    /** GCRA state (theoretical arrival time, ms) of one sender id's rate limit; expires when idle. */
    public static String rateLimit(String sender) {
        return "ratelimit:{" + sender + "}";
    }
}
