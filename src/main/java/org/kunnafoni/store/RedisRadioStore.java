package org.kunnafoni.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.radio.RadioCampaign;
import org.kunnafoni.radio.RadioPartner;
import org.kunnafoni.radio.RadioScript;
import org.kunnafoni.radio.RadioStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** {@link RadioStore} in Redis hashes (keys in {@link RedisKeys}); records are JSON ({@link RadioCodec}). */
public final class RedisRadioStore implements RadioStore {
    private static final RedisScript CLAIM = RedisScript.load("radio_reminder_claim.lua");

    private final RedisConnector redis;

    public RedisRadioStore(RedisConnector redis) {
        this.redis = redis;
    }

    private RedisClusterAsyncCommands<String, String> r() {
        return redis.async();
    }

    @Override
    public CompletionStage<Void> savePartner(RadioPartner p) {
        return partner(p.id()).thenCompose(old -> {
            CompletionStage<?> cleared = old.map(this::unindex).orElse(CompletableFuture.completedFuture(null));
            return cleared.thenCompose(v -> r().hset(RedisKeys.RADIO_PARTNERS, p.id(), RadioCodec.partner(p)))
                    .thenCompose(v -> r().hset(RedisKeys.RADIO_PARTNER_BY_TOKEN, p.tokenHash(), p.id()))
                    .thenCompose(v -> p.numberPseudonyms().isEmpty() ? CompletableFuture.completedFuture(0L)
                            : r().hset(RedisKeys.RADIO_PARTNER_BY_NUMBER, index(p)))
                    .thenApply(v -> null);
        });
    }

    private CompletionStage<Long> unindex(RadioPartner old) {
        return old.numberPseudonyms().isEmpty() ? CompletableFuture.completedFuture(0L)
                : r().hdel(RedisKeys.RADIO_PARTNER_BY_NUMBER, old.numberPseudonyms().toArray(String[]::new));
    }

    private static Map<String, String> index(RadioPartner p) {
        Map<String, String> m = new LinkedHashMap<>();
        p.numberPseudonyms().forEach(n -> m.put(n, p.id()));
        return m;
    }

    @Override
    public CompletionStage<Optional<RadioPartner>> partner(String id) {
        return get(RedisKeys.RADIO_PARTNERS, id, RadioCodec::partner);
    }

    @Override
    public CompletionStage<List<RadioPartner>> partners() {
        return r().hvals(RedisKeys.RADIO_PARTNERS).thenApply(list -> list.stream().map(RadioCodec::partner).toList());
    }

    @Override
    public CompletionStage<Optional<RadioPartner>> partnerByTokenHash(String tokenHash) {
        return indirect(RedisKeys.RADIO_PARTNER_BY_TOKEN, tokenHash, this::partner);
    }

    @Override
    public CompletionStage<Optional<RadioPartner>> partnerByNumber(String pseudonym) {
        return indirect(RedisKeys.RADIO_PARTNER_BY_NUMBER, pseudonym, this::partner);
    }

    @Override
    public CompletionStage<Void> saveCampaign(RadioCampaign campaign, List<RadioScript> scripts) {
        CompletionStage<?> chain = r().hset(RedisKeys.RADIO_CAMPAIGNS, campaign.id(), RadioCodec.campaign(campaign));
        for (RadioScript s : scripts) {
            chain = chain.thenCompose(v -> updateScript(s))
                    .thenCompose(v -> r().hset(RedisKeys.RADIO_SCRIPT_BY_CODE, s.code(), s.id()))
                    .thenCompose(v -> r().sadd(RedisKeys.radioCampaignScripts(campaign.id()), s.id()))
                    .thenCompose(v -> r().sadd(RedisKeys.radioPartnerScripts(s.partnerId()), s.id()))
                    .thenCompose(v -> r().zadd(RedisKeys.RADIO_REMINDERS_DUE, ZAddArgs.Builder.nx(),
                            s.slotEnd().toEpochMilli(), s.id()));
        }
        return chain.thenApply(v -> null);
    }

    @Override
    public CompletionStage<Optional<RadioCampaign>> campaign(String id) {
        return get(RedisKeys.RADIO_CAMPAIGNS, id, RadioCodec::campaign);
    }

    @Override
    public CompletionStage<List<RadioScript>> scriptsOfCampaign(String campaignId) {
        return scriptsIn(RedisKeys.radioCampaignScripts(campaignId));
    }

    @Override
    public CompletionStage<List<RadioScript>> scriptsOfPartner(String partnerId) {
        return scriptsIn(RedisKeys.radioPartnerScripts(partnerId));
    }

    private CompletionStage<List<RadioScript>> scriptsIn(String set) {
        return r().smembers(set).thenCompose(ids -> {
            if (ids.isEmpty()) {
                return CompletableFuture.completedFuture(List.<RadioScript>of());
            }
            String[] keys = ids.toArray(String[]::new);
            return r().hmget(RedisKeys.RADIO_SCRIPTS, keys).thenCombine(r().hmget(RedisKeys.RADIO_REMINDED, keys),
                    (values, reminded) -> {
                        List<RadioScript> out = new ArrayList<>();
                        for (int i = 0; i < values.size(); i++) {
                            String at = reminded.get(i).getValueOrElse(null);
                            values.get(i).ifHasValue(v -> out.add(withReminder(RadioCodec.script(v), at)));
                        }
                        return out;
                    });
        });
    }

    private static RadioScript withReminder(RadioScript script, String remindedAt) {
        return remindedAt == null ? script : script.reminded(Instant.parse(remindedAt));
    }

    @Override
    public CompletionStage<Optional<RadioScript>> script(String id) {
        return get(RedisKeys.RADIO_SCRIPTS, id, RadioCodec::script).thenCombine(
                r().hget(RedisKeys.RADIO_REMINDED, id), (script, at) -> script.map(x -> withReminder(x, at)));
    }

    @Override
    public CompletionStage<Optional<RadioScript>> scriptByCode(String code) {
        return indirect(RedisKeys.RADIO_SCRIPT_BY_CODE, code, this::script);
    }

    @Override
    public CompletionStage<Void> updateScript(RadioScript script) {
        return r().hset(RedisKeys.RADIO_SCRIPTS, script.id(), RadioCodec.script(script)).thenApply(v -> null);
    }

    @Override
    public CompletionStage<List<String>> claimReminders(Instant endedBy, Instant now, Instant leaseEnd, int max) {
        return CLAIM.<List<String>>run(r(), ScriptOutputType.MULTI,
                new String[]{RedisKeys.RADIO_REMINDERS_DUE, RedisKeys.RADIO_REMINDERS_CLAIMED},
                Long.toString(now.toEpochMilli()), Long.toString(endedBy.toEpochMilli()),
                Long.toString(leaseEnd.toEpochMilli()), Integer.toString(max))
                .thenApply(List::copyOf);
    }

    @Override
    public CompletionStage<Boolean> markReminded(String scriptId, Instant at) {
        return r().hsetnx(RedisKeys.RADIO_REMINDED, scriptId, at.toString());
    }

    @Override
    public CompletionStage<Void> releaseReminder(String scriptId) {
        return r().zrem(RedisKeys.RADIO_REMINDERS_CLAIMED, scriptId).thenApply(n -> null);
    }

    private <T> CompletionStage<Optional<T>> get(String hash, String field, Function<String, T> decode) {
        return r().hget(hash, field).thenApply(v -> Optional.ofNullable(v).map(decode));
    }

    private <T> CompletionStage<Optional<T>> indirect(String index, String key,
                                                      Function<String, CompletionStage<Optional<T>>> then) {
        return r().hget(index, key).thenCompose(id -> id == null
                ? CompletableFuture.completedFuture(Optional.<T>empty()) : then.apply(id));
    }
}
