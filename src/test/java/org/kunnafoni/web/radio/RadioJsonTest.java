package org.kunnafoni.web.radio;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    })
    void partnerRequestsAreCheckedWhole(String name, String body, String error) {
        RadioJson.Parsed<?> parsed = RadioJson.partner(new JsonObject(body.replace("SLOT", SLOT)), Set.of("gao"), "ML");
        assertThat(parsed.value().isPresent()).isEqualTo(error.isEmpty());
        assertThat(String.join("; ", parsed.errors())).contains(error);
    }
}
