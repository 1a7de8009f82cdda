package org.kunnafoni.store;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.radio.RadioCampaign;
import org.kunnafoni.radio.RadioPartner;
import org.kunnafoni.radio.RadioScript;
import org.kunnafoni.radio.RadioStore;

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
                    .thenCompose(v -> r().sadd(RedisKeys.radioPartnerScripts(s.partnerId()), s.id()));
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
        return r().smembers(set).thenCompose(ids -> ids.isEmpty()
                ? CompletableFuture.completedFuture(List.<RadioScript>of())
                : r().hmget(RedisKeys.RADIO_SCRIPTS, ids.toArray(String[]::new)).thenApply(values -> {
                    List<RadioScript> out = new ArrayList<>();
                    values.forEach(kv -> kv.ifHasValue(v -> out.add(RadioCodec.script(v))));
                    return out;
                }));
    }

    @Override
    public CompletionStage<Optional<RadioScript>> script(String id) {
        return get(RedisKeys.RADIO_SCRIPTS, id, RadioCodec::script);
    }

    @Override
    public CompletionStage<Optional<RadioScript>> scriptByCode(String code) {
        return indirect(RedisKeys.RADIO_SCRIPT_BY_CODE, code, this::script);
    }

    @Override
    public CompletionStage<Void> updateScript(RadioScript script) {
        return r().hset(RedisKeys.RADIO_SCRIPTS, script.id(), RadioCodec.script(script)).thenApply(v -> null);
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
