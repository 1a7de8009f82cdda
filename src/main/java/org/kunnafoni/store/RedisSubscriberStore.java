package org.kunnafoni.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.audience.ConsentChange;
import org.kunnafoni.audience.ConsentResult;
import org.kunnafoni.audience.Subscriber;
import org.kunnafoni.audience.SubscriberRepository;
import org.kunnafoni.audience.SubscriberStatus;
import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Subscribers as Redis hashes with an append-only history list per subscriber. */
public final class RedisSubscriberStore implements SubscriberRepository {
    private static final RedisScript APPLY = RedisScript.load("consent_apply.lua");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisConnector redis;
    private final String ttlMillis;

    public RedisSubscriberStore(RedisConnector redis, Duration dedupeTtl) {
        this.redis = redis;
        this.ttlMillis = Long.toString(dedupeTtl.toMillis());
    }

    @Override
    public CompletionStage<ConsentResult> apply(ConsentChange c) {
        String p = c.pseudonym();
        String[] keys = {RedisKeys.subscriber(p), RedisKeys.subscriberHistory(p),
                RedisKeys.subscriberSeen(p, c.channel(), c.providerId())};
        String action = c.action() == ConsentChange.Action.OPT_OUT ? "opt_out" : "opt_in";
        return APPLY.<String>run(redis.async(), ScriptOutputType.VALUE, keys,
                        ttlMillis, action, c.at().toString(), c.channel(), c.encryptedPhone(),
                        c.region().orElse(""), c.language().map(Language::code).orElse(""),
                        c.keyword() == null ? "" : c.keyword(), p, historyEntry(c, action))
                .thenApply(status -> "duplicate".equals(status)
                        ? new ConsentResult.Duplicate()
                        : new ConsentResult.Applied(SubscriberStatus.valueOf(status.toUpperCase(Locale.ROOT))));
    }

    @Override
    public CompletionStage<Optional<Subscriber>> find(String pseudonym) {
        return redis.async().hgetall(RedisKeys.subscriber(pseudonym)).thenApply(RedisSubscriberStore::toSubscriber);
    }

    private static Optional<Subscriber> toSubscriber(Map<String, String> h) {
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Subscriber(
                h.get("pseudonym"),
                h.get("phone_enc"),
                Optional.ofNullable(h.get("region")),
                Optional.ofNullable(h.get("language")).flatMap(Language::fromCode),
                SubscriberStatus.valueOf(h.get("status").toUpperCase(Locale.ROOT)),
                h.get("consent_source"),
                h.get("last_channel"),
                Instant.parse(h.get("created_at")),
                Instant.parse(h.get("updated_at"))));
    }

    private static String historyEntry(ConsentChange c, String action) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("at", c.at().toString());
        entry.put("action", action);
        entry.put("channel", c.channel());
        entry.put("provider_id", c.providerId());
        entry.put("keyword", c.keyword() == null ? "" : c.keyword());
        c.region().ifPresent(r -> entry.put("region", r));
        c.language().ifPresent(l -> entry.put("language", l.code()));
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
