package org.kunnafoni.web.radio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.kunnafoni.radio.RadioCampaign;
import org.kunnafoni.triage.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RadioJsonTest {
    private static final String SLOT = "{\"day\":\"friday\",\"start\":\"18:30\",\"minutes\":15}";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "valid, local number            | {\"station\":\"Radio Annour\",\"regions\":[\"gao\"],\"languages\":[\"fra\",\"ses\"],\"slots\":[SLOT],\"numbers\":[\"76 00 00 01\"]} | ''",
            "unknown region                 | {\"station\":\"R\",\"regions\":[\"paris\"],\"languages\":[\"fra\"],\"slots\":[SLOT],\"numbers\":[\"+22376000001\"]} | regions: unknown paris",
            "bad slot                       | {\"station\":\"R\",\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"slots\":[{\"day\":\"funday\"}],\"numbers\":[\"+22376000001\"]} | slots[0]",
            "not a number                   | {\"station\":\"R\",\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"slots\":[SLOT],\"numbers\":[\"abc\"]} | numbers: not a phone number",
            "undetermined language          | {\"station\":\"R\",\"regions\":[\"gao\"],\"languages\":[\"und\"],\"slots\":[SLOT],\"numbers\":[\"+22376000001\"]} | languages: unknown und",
            "no station                     | {\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"slots\":[SLOT],\"numbers\":[\"+22376000001\"]} | station: 1 to 40",
            "a slot of 15.7 minutes         | {\"station\":\"R\",\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"slots\":[{\"day\":\"friday\",\"start\":\"18:30\",\"minutes\":15.7}],\"numbers\":[\"+22376000001\"]} | slots[0]",
            "a slot of 15.0 minutes         | {\"station\":\"R\",\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"slots\":[{\"day\":\"friday\",\"start\":\"18:30\",\"minutes\":15.0}],\"numbers\":[\"+22376000001\"]} | ''",
            "a slot of \"15\" minutes       | {\"station\":\"R\",\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"slots\":[{\"day\":\"friday\",\"start\":\"18:30\",\"minutes\":\"15\"}],\"numbers\":[\"+22376000001\"]} | slots[0]",
    })
    void partnerRequestsAreCheckedWhole(String name, String body, String error) {
        RadioJson.Parsed<?> parsed = RadioJson.partner(new JsonObject(body.replace("SLOT", SLOT)), Set.of("gao"), "ML");
        assertThat(parsed.value().isPresent()).as(String.join("; ", parsed.errors())).isEqualTo(error.isEmpty());
        assertThat(String.join("; ", parsed.errors())).contains(error);
    }

    /** Monday 30 November 2026, 00:30 in Bamako (UTC+0). */
    private static final Instant NOW = Instant.parse("2026-11-30T00:30:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "starts today                   | 2026-11-30 | 2026-12-06 | ''",
            "started yesterday              | 2026-11-29 | 2026-12-06 | from: today (2026-11-30, Mali time) or later",
            "ends before it starts          | 2026-12-06 | 2026-12-01 | to: on or after from",
    })
    void campaignDatesAreCheckedAgainstTodayInMali(String name, String from, String to, String error) {
        JsonObject body = new JsonObject().put("topic", "mines_explosive_remnants").put("regions", new JsonArray().add("gao"))
                .put("languages", new JsonArray().add("fra")).put("from", from).put("to", to);
        RadioJson.Parsed<RadioCampaign> parsed = RadioJson.campaign(body, Set.of("gao"),
                Set.of("mines_explosive_remnants"), "rc-1", "sup", NOW);
        assertThat(parsed.value().isPresent()).as(String.join("; ", parsed.errors())).isEqualTo(error.isEmpty());
        assertThat(String.join("; ", parsed.errors())).contains(error);
    }

    @Test
    void aLanguageOrRegionNamedTwiceCountsOnce() {
        JsonObject body = new JsonObject().put("topic", "mines_explosive_remnants")
                .put("regions", new JsonArray().add("gao").add("gao"))
                .put("languages", new JsonArray().add("fra").add("ses").add("fra"))
                .put("from", "2026-11-30").put("to", "2026-12-06");
        RadioCampaign campaign = RadioJson.campaign(body, Set.of("gao"), Set.of("mines_explosive_remnants"), "rc-1",
                "sup", NOW).value().orElseThrow();
        assertThat(campaign.regions()).containsExactly("gao");
        assertThat(campaign.languages()).containsExactly(Language.FRA, Language.SES);
    }
}
