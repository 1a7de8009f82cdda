package org.kunnafoni.store;

/**
 * Every Redis key pattern the gateway uses, in one place. Keys of one entity share a hash tag ({…}) so that
 * multi-key scripts stay in one slot on a Redis Cluster.
 */
public final class RedisKeys {
    /** Durable intake stream of alerts, waiting for triage. */
    public static final String INTAKE_STREAM = "{intake}:stream";
    /** Consumer group of the triage workers on the intake stream (a group name, not a key). */
    public static final String TRIAGE_GROUP = "triage";
    /** Intake entries triage failed on too many times, with the error; same slot as the intake stream. */
    public static final String INTAKE_DEAD_LETTERS = "{intake}:dead";
    /** How many entries were ever dead-lettered (the stream itself may be trimmed by an operator). */
    public static final String INTAKE_DEAD_LETTER_COUNT = "{intake}:dead:count";
    /** Sorted set of every lead id by priority score then last activity; its own slot, updated after each write. */
    public static final String LEADS_BY_SCORE = "{leads}:by-score";
    /** Lead ids start with the region slug, or this when no report named a place. */
    public static final String NO_REGION = "none";

    private RedisKeys() {
    }

    /** Marks a provider message id as seen (TTL: intake.dedupe-ttl); same slot as the intake stream. */
    public static String intakeSeen(String channel, String providerId) {
        return "{intake}:seen:" + channel + ":" + providerId;
    }

    /**
     * Hash of the alerts each reporter sent in one window (field: reporter pseudonym; TTL: two
     * intake.sender-window after its last alert); same slot as the stream.
     */
    public static String intakeSenders(long window) {
        return "{intake}:senders:" + window;
    }

    /** Hash with one subscriber's consent state (encrypted phone, region, language, status, timestamps). */
    public static String subscriber(String pseudonym) {
        return "sub:{" + pseudonym + "}";
    }

    /** List of every consent change of one subscriber, oldest first (JSON entries). */
    public static String subscriberHistory(String pseudonym) {
        return "sub:{" + pseudonym + "}:history";
    }

    /** Set of the pseudonyms of active subscribers of one region and language, for streaming a campaign audience. */
    public static String audience(String region, String language) {
        return "audience:{" + region + "}:" + language;
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

    /**
     * Hash tag of one region's leads: a lead's hash, report list, reporter set, recent terms, its reports and the
     * region's candidate indexes share it, so the attach-or-open script touches one slot.
     */
    public static String leadTag(String region) {
        return "{leads:" + (region == null ? NO_REGION : region) + "}";
    }

    /** Sorted set of the open leads of one region and category, scored by last activity (epoch ms). */
    public static String leadOpenIndex(String region, String category) {
        return leadTag(region) + ":open:" + category;
    }

    /** Lead ids are {@code <region|none>-<first entry id>}, so the id alone finds the slot. */
    public static String leadId(String region, String entryId) {
        return (region == null ? NO_REGION : region) + "-" + entryId;
    }

    /** The region slug a lead id starts with; null for {@code none-…}. */
    public static String regionOf(String leadId) {
        int dash = leadId.indexOf('-');
        String region = dash < 0 ? leadId : leadId.substring(0, dash);
        return NO_REGION.equals(region) ? null : region;
    }

    /** Hash with one lead's summary (status, region, place, category, priority, counts, first/last seen…). */
    public static String lead(String leadId) {
        return leadTag(regionOf(leadId)) + ":lead:" + leadId;
    }

    /** List of the lead's report entry ids, in the order they were attached. */
    public static String leadReports(String leadId) {
        return lead(leadId) + ":reports";
    }

    /** Set of the distinct reporter pseudonyms of a lead. */
    public static String leadReporters(String leadId) {
        return lead(leadId) + ":reporters";
    }

    /** List of the content words of the lead's most recent reports (newest first, capped), for clustering. */
    public static String leadTerms(String leadId) {
        return lead(leadId) + ":terms";
    }

    /** Hash of one report (text, times, triage view, lead id); its existence marks the intake entry as counted. */
    public static String leadReport(String region, String entryId) {
        return leadTag(region) + ":report:" + entryId;
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

    /** GCRA state of one client address's request rate on one route group (api, partner); expires when idle. */
    public static String requestLimit(String group, String address) {
        return "reqlimit:{" + group + ":" + address + "}";
    }

    // --- review of leads (RedisLeadReview, RedisLeadChanges) ---

    /** Stream of review changes ({@code type} lead or escalation, {@code id}) that every instance tails for live updates. */
    public static final String LEAD_CHANGES = "{leads}:changes";
    /** Escalations of urgent leads nobody opened in time, for the dispatch of on-call SMS. */
    public static final String ESCALATIONS = "{escalations}:stream";

    /** Consumer group that turns each {@link #ESCALATIONS} entry into SMS dispatches to the on-call numbers. */
    public static final String ESCALATION_SMS_GROUP = "escalation-sms";

    /** List of the lead's review history (JSON entries), oldest first. */
    public static String leadHistory(String leadId) {
        return lead(leadId) + ":history";
    }

    /**
     * Hash of the reports merged in from a lead of another region: entry id → region slug of the slot that holds
     * the report's hash (a report hash never moves, so the triage write stays idempotent for its entry).
     */
    public static String leadForeignReports(String leadId) {
        return lead(leadId) + ":foreign";
    }

    // --- awareness campaigns (RedisCampaignStore) ---
    // The due index and the claims share the {campaigns} tag, so the claim script touches one slot. A campaign's
    // keys share its id as tag, a run's keys its run id.

    /** Sorted set of run ids waiting for their time; score = due time (epoch ms). */
    public static final String CAMPAIGNS_DUE = "{campaigns}:due";
    /** Sorted set of run ids being fanned out; score = end of the claimer's lease (epoch ms). */
    public static final String CAMPAIGNS_CLAIMED = "{campaigns}:claimed";
    /** Sorted set of every campaign id by creation time (epoch ms), for the list. */
    public static final String CAMPAIGNS_ALL = "{campaigns}:all";

    /** Hash of one campaign: {@code json} (its definition), {@code status}, {@code created_at}. */
    public static String campaign(String campaignId) {
        return "campaign:{" + campaignId + "}";
    }

    /** Sorted set of a campaign's run ids by due time (epoch ms). */
    public static String campaignRuns(String campaignId) {
        return campaign(campaignId) + ":runs";
    }

    /** Hash of one run: campaign id, due, status, fan-out checkpoint (cell, cursor), finish time. */
    public static String campaignRun(String runId) {
        return "campaign-run:{" + runId + "}";
    }

    /** Hash of a run's live counters: created, segments, deferred_ever, and state:<state> per dispatch state. */
    public static String campaignRunProgress(String runId) {
        return campaignRun(runId) + ":progress";
    }

    /** Hash of a run's final failures: reason → count. */
    public static String campaignRunFailures(String runId) {
        return campaignRun(runId) + ":failures";
    }

    /** Set of a run's dispatch ids, so canceling it finds the ones still waiting. */
    public static String campaignRunDispatches(String runId) {
        return campaignRun(runId) + ":dispatches";
    }

    /**
     * Set of the pseudonyms a run was fanned out to (its dispatch ids derive from them): counts each recipient once
     * and lets a cancel find the dispatches workers have created. Same slot as the run's progress hash.
     */
    public static String campaignRunRecipients(String runId) {
        return campaignRun(runId) + ":recipients";
    }

    /** Hash of what a run's dispatches share: channel, sender, valid_until (ms), body:<language>. Written once. */
    public static String campaignRunPlan(String runId) {
        return campaignRun(runId) + ":plan";
    }

    // ---- Relay phone outbox (SMSSync task protocol, helper/relayout) -----------------------------------------
    // Every key of one device shares the {<device>} hash tag, so each poll / confirm / put script stays in one
    // slot. The message uuid is the dispatch id.

    /** Sorted set of the uuids waiting for the device; score = when it may be handed out (ms; lease end). */
    public static String relayOutbox(String deviceId) {
        return relayTag(deviceId) + ":outbox";
    }

    /** Hash uuid → JSON {to (encrypted number), message}; an entry lives until the phone confirms it. */
    public static String relayMessages(String deviceId) {
        return relayTag(deviceId) + ":messages";
    }

    /** Hash uuid → how many times the message was handed out without a confirmation. */
    public static String relayHandouts(String deviceId) {
        return relayTag(deviceId) + ":handouts";
    }

    /** Sorted set of confirmed uuids whose send / delivery result we still ask for; score = confirmation ms. */
    public static String relayAwaiting(String deviceId) {
        return relayTag(deviceId) + ":awaiting";
    }

    private static String relayTag(String deviceId) {
        return "relay:{" + deviceId + "}";
    }

    // Radio partners, campaigns and scripts: a few hundred records at most, kept in hashes under one hash tag so
    // multi-key updates stay in one cluster slot. Partner tokens and numbers are indexed by hash / pseudonym only.
    public static final String RADIO_PARTNERS = "{radio}:partners";
    public static final String RADIO_PARTNER_BY_TOKEN = "{radio}:partner-by-token";
    public static final String RADIO_PARTNER_BY_NUMBER = "{radio}:partner-by-number";
    public static final String RADIO_CAMPAIGNS = "{radio}:campaigns";
    public static final String RADIO_SCRIPTS = "{radio}:scripts";
    public static final String RADIO_SCRIPT_BY_CODE = "{radio}:script-by-code";
    /** Sorted set of script ids waiting for their reminder; score = end of the slot (epoch ms). */
    public static final String RADIO_REMINDERS_DUE = "{radio}:reminders-due";
    /** Sorted set of script ids being reminded; score = end of the claimer's lease (epoch ms). */
    public static final String RADIO_REMINDERS_CLAIMED = "{radio}:reminders-claimed";
    /** Hash script id → when its reminder was sent (ISO instant), apart from the script so no update loses it. */
    public static final String RADIO_REMINDED = "{radio}:reminded";

    public static String radioCampaignScripts(String campaignId) {
        return "{radio}:campaign-scripts:" + campaignId;
    }

    public static String radioPartnerScripts(String partnerId) {
        return "{radio}:partner-scripts:" + partnerId;
    }
}
