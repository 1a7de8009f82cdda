package org.kunnafoni.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.ScriptOutputType;
import org.kunnafoni.audience.ConsentChange;
import org.kunnafoni.audience.ConsentResult;
import org.kunnafoni.audience.Subscriber;
import org.kunnafoni.audience.SubscriberPage;
import org.kunnafoni.audience.SubscriberRepository;
import org.kunnafoni.audience.SubscriberStatus;
import org.kunnafoni.triage.Language;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Subscribers as Redis hashes with an append-only history list per subscriber. */
public final class RedisSubscriberStore implements SubscriberRepository {
    private static final RedisScript APPLY = RedisScript.load("consent_apply.lua");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisConnector redis;
    private final String ttlMillis;
    private final ReplicaWait replicaWait;

    public RedisSubscriberStore(RedisConnector redis, Duration dedupeTtl) {
        this(redis, dedupeTtl, ReplicaWait.NONE);
    }

    /** {@code replicaWait}: a consent change counts only once that many replicas have it (see {@link ReplicaWait}). */
    public RedisSubscriberStore(RedisConnector redis, Duration dedupeTtl, ReplicaWait replicaWait) {
        this.redis = redis;
        this.replicaWait = replicaWait;
        this.ttlMillis = Long.toString(dedupeTtl.toMillis());
    }

    @Override
    public CompletionStage<ConsentResult> apply(ConsentChange c) {
        String p = c.pseudonym();
        String[] keys = {RedisKeys.subscriber(p), RedisKeys.subscriberHistory(p),
                RedisKeys.subscriberSeen(p, c.channel(), c.providerId())};
        String action = c.action() == ConsentChange.Action.OPT_OUT ? "opt_out" : "opt_in";
        // every command of a change goes through the shared connection, so one WAIT there covers them all
        var connection = redis.async();
        return APPLY.<String>run(connection, ScriptOutputType.VALUE, keys,
                        ttlMillis, action, c.at().toString(), c.channel(), c.encryptedPhone(),
                        c.region().orElse(""), c.language().map(Language::code).orElse(""),
                        c.keyword() == null ? "" : c.keyword(), p, historyEntry(c, action),
                        c.decider() == ConsentChange.Decider.PERSON ? "person" : "operator", c.source())
                .thenCompose(answer -> {
                    if ("duplicate".equals(answer)) {
                        return replicaWait.confirmExisting(connection, keys[2], Long.parseLong(ttlMillis))
                                .thenApply(done -> new ConsentResult.Duplicate());
                    }
                    if ("refused".equals(answer)) {
                        return CompletableFuture.completedFuture(new ConsentResult.Refused());
                    }
                    return reindex(p, answer.split("\\|", -1)).thenCompose(result -> replicaWait.confirm(connection)
                            .thenApply(done -> result));
                });
    }

    /**
     * Keeps the per region × language audience sets in step. They live in other slots than the subscriber, so this
     * follows the script; sends re-check the subscriber hash, so a lagging index never reaches an opted-out person.
     */
    private CompletionStage<ConsentResult> reindex(String pseudonym, String[] state) {
        SubscriberStatus status = SubscriberStatus.valueOf(state[0].toUpperCase(Locale.ROOT));
        String region = state[1];
        String language = state[2];
        String previousRegion = state[3];
        String previousLanguage = state[4];
        CompletionStage<?> removed = previousRegion.isEmpty() || previousLanguage.isEmpty()
                ? CompletableFuture.completedFuture(0L)
                : redis.async().srem(RedisKeys.audience(previousRegion, previousLanguage), pseudonym);
        return removed.thenCompose(v -> status == SubscriberStatus.ACTIVE && !region.isEmpty() && !language.isEmpty()
                        ? redis.async().sadd(RedisKeys.audience(region, language), pseudonym)
                        : CompletableFuture.completedFuture(0L))
                .thenApply(v -> new ConsentResult.Applied(status));
    }

    @Override
    public CompletionStage<Optional<Subscriber>> find(String pseudonym) {
        return redis.async().hgetall(RedisKeys.subscriber(pseudonym)).thenApply(RedisSubscriberStore::toSubscriber);
    }

    @Override
    public CompletionStage<SubscriberPage> page(Optional<String> cursor, int size) {
        KeyScanArgs args = new KeyScanArgs().type("hash");
        args.match("sub:{*}").limit(size);
        return redis.scan(cursor, args).thenCompose(page -> {
            List<CompletableFuture<Optional<Subscriber>>> reads = page.keys().stream()
                    .map(key -> redis.async().hgetall(key).thenApply(RedisSubscriberStore::toSubscriber)
                            .toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> new SubscriberPage(
                    reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList(),
                    page.next()));
        });
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
