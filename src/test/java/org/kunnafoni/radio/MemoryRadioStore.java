package org.kunnafoni.radio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The radio store port in memory, for domain tests. */
final class MemoryRadioStore implements RadioStore {
    final Map<String, RadioPartner> partners = new LinkedHashMap<>();
    final Map<String, RadioCampaign> campaigns = new LinkedHashMap<>();
    final Map<String, RadioScript> scripts = new LinkedHashMap<>();

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public CompletionStage<Void> savePartner(RadioPartner partner) {
        partners.put(partner.id(), partner);
        return done(null);
    }

    @Override
    public CompletionStage<Optional<RadioPartner>> partner(String id) {
        return done(Optional.ofNullable(partners.get(id)));
    }

    @Override
    public CompletionStage<List<RadioPartner>> partners() {
        return done(new ArrayList<>(partners.values()));
    }

    @Override
    public CompletionStage<Optional<RadioPartner>> partnerByTokenHash(String tokenHash) {
        return done(partners.values().stream().filter(p -> p.tokenHash().equals(tokenHash)).findFirst());
    }

    @Override
    public CompletionStage<Optional<RadioPartner>> partnerByNumber(String pseudonym) {
        return done(partners.values().stream().filter(p -> p.numberPseudonyms().contains(pseudonym)).findFirst());
    }

    @Override
    public CompletionStage<Void> saveCampaign(RadioCampaign campaign, List<RadioScript> list) {
        campaigns.put(campaign.id(), campaign);
        list.forEach(s -> scripts.put(s.id(), s));
        return done(null);
    }

    @Override
    public CompletionStage<Optional<RadioCampaign>> campaign(String id) {
        return done(Optional.ofNullable(campaigns.get(id)));
    }

    @Override
    public CompletionStage<List<RadioScript>> scriptsOfCampaign(String campaignId) {
        return done(scripts.values().stream().filter(s -> s.campaignId().equals(campaignId)).toList());
    }

    @Override
    public CompletionStage<List<RadioScript>> scriptsOfPartner(String partnerId) {
        return done(scripts.values().stream().filter(s -> s.partnerId().equals(partnerId)).toList());
    }

    @Override
    public CompletionStage<Optional<RadioScript>> script(String id) {
        return done(Optional.ofNullable(scripts.get(id)));
    }

    @Override
    public CompletionStage<Optional<RadioScript>> scriptByCode(String code) {
        return done(scripts.values().stream().filter(s -> s.code().equals(code)).findFirst());
    }

    @Override
    public CompletionStage<Void> updateScript(RadioScript script) {
        scripts.put(script.id(), script);
        return done(null);
    }
}
