package org.kunnafoni.triage.place;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GazetteerTest {
    private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();
    private static final List<String> SLUGS = List.of("kayes", "koulikoro", "sikasso", "segou", "mopti", "tombouctou",
            "gao", "kidal", "taoudenit", "menaka", "bamako");

    @Test
    void declaresTheElevenRegionSlugs() {
        assertThat(GAZETTEER.regions()).containsExactlyElementsOf(SLUGS);
        assertThat(GAZETTEER.places()).allSatisfy(p -> assertThat(SLUGS).contains(p.region()));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
            "Kayes,kayes", "Bafoulabé,kayes", "Diéma,kayes", "Kéniéba,kayes", "Kita,kayes", "Nioro du Sahel,kayes",
            "Yélimané,kayes",
            "Koulikoro,koulikoro", "Banamba,koulikoro", "Dioïla,koulikoro", "Kangaba,koulikoro", "Kati,koulikoro",
            "Kolokani,koulikoro", "Nara,koulikoro",
            "Sikasso,sikasso", "Bougouni,sikasso", "Kadiolo,sikasso", "Kolondiéba,sikasso", "Koutiala,sikasso",
            "Yanfolila,sikasso", "Yorosso,sikasso",
            "Ségou,segou", "Barouéli,segou", "Bla,segou", "Macina,segou", "Niono,segou", "San,segou", "Tominian,segou",
            "Mopti,mopti", "Bandiagara,mopti", "Bankass,mopti", "Djenné,mopti", "Douentza,mopti", "Koro,mopti",
            "Ténenkou,mopti", "Youwarou,mopti",
            "Tombouctou,tombouctou", "Diré,tombouctou", "Goundam,tombouctou", "Gourma-Rharous,tombouctou",
            "Niafunké,tombouctou",
            "Gao,gao", "Ansongo,gao", "Bourem,gao",
            "Kidal,kidal", "Abeïbara,kidal", "Tessalit,kidal", "Tin-Essako,kidal",
            "Taoudénit,taoudenit", "Araouane,taoudenit", "Foum-Elba,taoudenit", "Boujbeha,taoudenit",
            "Al-Ourche,taoudenit", "Achouratt,taoudenit",
            "Ménaka,menaka", "Andéramboukane,menaka", "Inékar,menaka", "Tidermène,menaka",
    })
    void hasEveryCercleInItsCurrentRegion(String cercle, String region) {
        assertThat(GAZETTEER.places()).filteredOn(p -> p.kind().equals("cercle") && p.name().equals(cercle))
                .singleElement().extracting(Place::region).isEqualTo(region);
    }

    @Test
    void hasAllCerclesAndNoOthers() {
        assertThat(GAZETTEER.places()).filteredOn(p -> p.kind().equals("cercle")).hasSize(58);
    }

    @Test
    void hasAtLeast300PlacesBeyondRegionsAndCercles() {
        assertThat(GAZETTEER.places()).filteredOn(p -> !Set.of("region", "cercle").contains(p.kind()))
                .hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void hasTheSixCommunesOfBamako() {
        assertThat(GAZETTEER.places()).filteredOn(p -> p.region().equals("bamako") && p.kind().equals("commune"))
                .extracting(Place::name)
                .containsExactly("Commune I", "Commune II", "Commune III", "Commune IV", "Commune V", "Commune VI");
    }

    @Test
    void aSpellingNamesTwoRegionsOnlyWhenMarkedAmbiguous() {
        Map<String, Set<String>> regionsByKey = new HashMap<>();
        Set<String> clearKeys = new HashSet<>();
        for (PlaceForm form : GAZETTEER.forms()) {
            regionsByKey.computeIfAbsent(form.key(), k -> new HashSet<>()).add(form.place().region());
            if (form.need() == Need.NONE) {
                clearKeys.add(form.key());
            }
        }
        assertThat(regionsByKey).allSatisfy((key, regions) -> {
            if (regions.size() > 1) {
                assertThat(clearKeys).as(key + " names " + regions).doesNotContain(key);
            }
        });
    }

    @Test
    void everyPlaceHasANameAndAKnownKind() {
        assertThat(GAZETTEER.places()).allSatisfy(p -> {
            assertThat(p.name()).isNotBlank();
            assertThat(Set.of("region", "cercle", "commune", "town", "village", "neighbourhood")).contains(p.kind());
        });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "regions: [{slug: mopti, name: Mopti}]\\nplaces: [{name: Boni, region: mopsi, kind: village}]|unknown region slug 'mopsi'",
            "regions: [{slug: mopti, name: Mopti}]\\nplaces: [{name: '', region: mopti, kind: village}]|empty name",
            "regions: [{slug: mopti, name: Mopti}]\\nplaces: [{name: Boni, region: mopti, kind: hamlet}]|kind 'hamlet'",
            "regions: [{slug: mopti, name: Mopti}]\\nplaces: [{name: Boni, region: mopti, kind: village, cercle: Douentza}]|cercle 'Douentza' is not a cercle",
            "regions: [{slug: Mopti!, name: Mopti}]\\nplaces: []|slug 'Mopti!'",
            "regions: [{slug: mopti, name: Mopti}, {slug: mopti, name: Mopti}]\\nplaces: []|duplicate region slug",
            "regions: [{slug: mopti, name: Mopti}]\\nplaces: [{name: Boni, region: mopti, kind: village, ambiguous: maybe}]|ambiguous must be",
            "regions: [{slug: mopti, name: Mopti}]\\nplaces: [{name: Boni, region: mopti, kind: village, variant: [Bony]}]|unknown key 'variant'",
            "regions: [{slug: mopti, name: Mopti}]\\nplaces: [{name: Boni, region: mopti, kind: village, variants: ['']}]|empty or non-text entry",
            "places: []|no regions declared",
            "regions: [oops|not valid YAML",
    })
    void rejectsABadFileWithAClearMessage(String yaml, String message) {
        assertThatThrownBy(() -> Gazetteer.parse(stream(yaml.replace("\\n", "\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void listsEveryErrorAtOnce() {
        String yaml = "regions: [{slug: mopti, name: Mopti}]\nplaces: [{name: A, region: x, kind: village},"
                + " {name: B, region: y, kind: village}]";
        assertThatThrownBy(() -> Gazetteer.parse(stream(yaml)))
                .hasMessageContaining("2 error(s)").hasMessageContaining("'x'").hasMessageContaining("'y'");
    }

    @Test
    void aNewerMapLoadsWithoutCodeChanges() {
        String yaml = """
                regions:
                  - {slug: douentza, name: Douentza}
                places:
                  - {name: Boni, region: douentza, kind: village, ambiguous: true}
                  - {name: Hombori, region: douentza, kind: commune}
                """;
        Gazetteer newer = Gazetteer.parse(stream(yaml));
        assertThat(newer.regions()).containsExactly("douentza");
        assertThat(new PlaceMatcher(newer).best("attaque à Hombori")).get().extracting(PlaceMatch::region)
                .isEqualTo("douentza");
    }

    private static ByteArrayInputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
