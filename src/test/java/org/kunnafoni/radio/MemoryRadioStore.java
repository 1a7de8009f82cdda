package org.kunnafoni.radio;

import java.time.Instant;
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
    /** Script id → slot end, and claimed id → lease end: the reminder index, as in Redis. */
    final Map<String, Instant> remindersDue = new LinkedHashMap<>();
    final Map<String, Instant> remindersClaimed = new LinkedHashMap<>();

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
        list.forEach(s -> remindersDue.putIfAbsent(s.id(), s.slotEnd()));
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
        // like Redis: the reminder time is kept apart and survives a status update
        scripts.put(script.id(), scripts.containsKey(script.id()) && scripts.get(script.id()).remindedAt().isPresent()
                ? script.reminded(scripts.get(script.id()).remindedAt().get()) : script);
        return done(null);
    }

    @Override
    public synchronized CompletionStage<List<String>> claimReminders(Instant endedBy, Instant now, Instant leaseEnd,
                                                                     int max) {
        List<String> out = new ArrayList<>();
        remindersClaimed.entrySet().stream().filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey)
                .limit(max).toList().forEach(out::add);
        remindersDue.entrySet().stream().filter(e -> !e.getValue().isAfter(endedBy)).map(Map.Entry::getKey)
                .limit(max - out.size()).toList().forEach(id -> {
                    remindersDue.remove(id);
                    out.add(id);
                });
        out.forEach(id -> remindersClaimed.put(id, leaseEnd));
        return done(out);
    }

    @Override
    public synchronized CompletionStage<Boolean> markReminded(String scriptId, Instant at) {
        RadioScript s = scripts.get(scriptId);
        if (s == null || s.remindedAt().isPresent()) {
            return done(false);
        }
        scripts.put(scriptId, s.reminded(at));
        return done(true);
    }

    @Override
    public synchronized CompletionStage<Void> releaseReminder(String scriptId) {
        remindersClaimed.remove(scriptId);
        return done(null);
    }
}
