package org.kunnafoni.radio;

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

    CompletionStage<Void> saveCampaign(RadioCampaign campaign, List<RadioScript> scripts);

    CompletionStage<Optional<RadioCampaign>> campaign(String id);

    CompletionStage<List<RadioScript>> scriptsOfCampaign(String campaignId);

    CompletionStage<List<RadioScript>> scriptsOfPartner(String partnerId);

    CompletionStage<Optional<RadioScript>> script(String id);

    CompletionStage<Optional<RadioScript>> scriptByCode(String code);

    CompletionStage<Void> updateScript(RadioScript script);
}
