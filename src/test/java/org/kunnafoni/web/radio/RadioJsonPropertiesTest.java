package org.kunnafoni.web.radio;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.kunnafoni.hostile.Hostile;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner and radio campaign requests of every JSON shape: a value or a list of problems, never an exception. */
class RadioJsonPropertiesTest {
    @Test
    void partnersAndCampaignsAreParsedOrRefused() {
        Hostile h = new Hostile(8);
        for (int i = 0; i < 400; i++) {
            JsonObject partner = new JsonObject(h.jsonObject(List.of("station", "regions", "languages", "numbers", "slots")));
            RadioJson.Parsed<?> p = RadioJson.partner(partner, Set.of("gao"), "ML");
            assertThat(p.value().isPresent() || !p.errors().isEmpty()).as("case %d: %s", i, partner).isTrue();
            JsonObject campaign = new JsonObject(h.jsonObject(List.of("topic", "regions", "languages", "from", "to")));
            RadioJson.Parsed<?> c = RadioJson.campaign(campaign, Set.of("gao"), Set.of("mines_explosive_remnants"),
                    "rc-1", "sup", Instant.EPOCH);
            assertThat(c.value().isPresent() || !c.errors().isEmpty()).as("case %d: %s", i, campaign).isTrue();
        }
    }
}
