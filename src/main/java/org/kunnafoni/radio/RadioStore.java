package org.kunnafoni.radio;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to where partners, campaigns and scripts are kept, with the look-ups that authenticate a partner. */
public interface RadioStore {
    /** Saves a partner and re-indexes its token hash and number pseudonyms (dropping the old ones). */
    CompletionStage<Void> savePartner(RadioPartner partner);

    CompletionStage<Optional<RadioPartner>> partner(String id);

    CompletionStage<List<RadioPartner>> partners();

    CompletionStage<Optional<RadioPartner>> partnerByTokenHash(String tokenHash);

    CompletionStage<Optional<RadioPartner>> partnerByNumber(String pseudonym);

    /** Stores the campaign and its scripts, and puts each script in the reminder index by the end of its slot. */
    CompletionStage<Void> saveCampaign(RadioCampaign campaign, List<RadioScript> scripts);

    CompletionStage<Optional<RadioCampaign>> campaign(String id);

    CompletionStage<List<RadioScript>> scriptsOfCampaign(String campaignId);

    CompletionStage<List<RadioScript>> scriptsOfPartner(String partnerId);

    CompletionStage<Optional<RadioScript>> script(String id);

    CompletionStage<Optional<RadioScript>> scriptByCode(String code);

    /** Stores the script's status and reason; its reminder time is kept apart ({@link #markReminded}). */
    CompletionStage<Void> updateScript(RadioScript script);

    /**
     * Atomically takes up to {@code max} script ids out of the reminder index for this caller until
     * {@code leaseEnd}: first those whose previous claimer's lease ran out before {@code now}, then those whose
     * slot ended at or before {@code endedBy}. Two callers never get the same id while a lease runs.
     */
    CompletionStage<List<String>> claimReminders(Instant endedBy, Instant now, Instant leaseEnd, int max);

    /** Records the reminder of a script once; answers false if it was already recorded. */
    CompletionStage<Boolean> markReminded(String scriptId, Instant at);

    /** Drops a claimed id for good: its reminder was sent, or it needs none. */
    CompletionStage<Void> releaseReminder(String scriptId);
}
