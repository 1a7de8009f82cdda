package org.kunnafoni.triage.place;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceMatcherTest {
    private static final PlaceMatcher MATCHER = new PlaceMatcher(Gazetteer.loadDefault());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // exact names, accents or not
            "Attaque à Douentza ce matin|Douentza|mopti|cercle|false",
            "des hommes armés à Hombori hier|Hombori|mopti|commune|false",
            "enfants enlevés a diafarabe|Diafarabé|mopti|commune|false",
            "les écoles de Ténenkou sont fermées|Ténenkou|mopti|cercle|false",
            "mine explosée près de Sévaré|Sévaré|mopti|town|false",
            "incident a Bankass|Bankass|mopti|cercle|false",
            "DINANGOUROU: 2 ENFANTS BLESSES|Dinangourou|mopti|commune|false",
            "attaque sur Ogossagou|Ogossagou|mopti|village|false",
            "recrutement d'enfants à Niono|Niono|segou|cercle|false",
            "Diabaly: école occupée|Diabaly|segou|commune|false",
            "blocus de Farabougou|Farabougou|segou|village|false",
            "convoi bloqué à Niafunké|Niafunké|tombouctou|cercle|false",
            "enfant blessé à Gossi|Gossi|tombouctou|commune|false",
            "tirs à Ansongo|Ansongo|gao|cercle|false",
            "école brûlée à Talataye|Talataye|gao|commune|false",
            "mine sur la route de Labbezanga|Labbezanga|gao|village|false",
            "enlevement a Aguelhok|Aguelhok|kidal|commune|false",
            "attaque a Tessalit|Tessalit|kidal|cercle|false",
            "ils sont a Inekar|Inékar|menaka|cercle|false",
            "Anderamboukane deux enfants tués|Andéramboukane|menaka|cercle|false",
            // spelling variants
            "les enfants de Timbuktu|Tombouctou|tombouctou|cercle|false",
            "a Tumbutu hier|Tombouctou|tombouctou|cercle|false",
            "ecole fermee a Djene|Djenné|mopti|cercle|false",
            "Jenne: enfants disparus|Djenné|mopti|cercle|false",
            "attaque a Mobti|Mopti|mopti|cercle|false",
            "Segu: enfant perdu|Ségou|segou|cercle|false",
            "attaque à Menaka|Ménaka|menaka|cercle|false",
            "هجوم في تمبكتو|Tombouctou|tombouctou|region|false",
            "أطفال مخطوفون في كيدال|Kidal|kidal|region|false",
            // multi-word and hyphen forms
            "enlèvement à Tin-Essako|Tin-Essako|kidal|cercle|false",
            "enlèvement à Tin Essako|Tin-Essako|kidal|cercle|false",
            "enlèvement à Tinessako|Tin-Essako|kidal|cercle|false",
            "massacre de Sobane-Da|Sobane-Da|mopti|village|false",
            "massacre de Sobane Da en 2019|Sobane-Da|mopti|village|false",
            "à Bourem Sidi Amar les enfants|Bourem Sidi Amar|tombouctou|commune|false",
            "vers Raz el Ma|Raz-El-Ma|tombouctou|commune|false",
            "à N'Tillit|N'Tillit|gao|commune|false",
            "école attaquée à Soni Ali Ber|Soni Ali Ber|gao|commune|false",
            "Bamako commune 4, un enfant perdu|Commune IV|bamako|commune|false",
            "enfant perdu en Commune IV|Commune IV|bamako|commune|false",
            "Bamako C4 un enfant perdu|Commune IV|bamako|commune|false",
            "enfant abandonné à Banconi|Banconi|bamako|neighbourhood|false",
            // typos
            "attaque a Tombctou hier|Tombouctou|tombouctou|cercle|false",
            "attaque a Tombuctou hier|Tombouctou|tombouctou|cercle|true",
            "enfant enlevé a Tonbouctou|Tombouctou|tombouctou|cercle|true",
            "tirs a Douentsa|Douentza|mopti|cercle|false",
            "tirs a Duentza|Douentza|mopti|cercle|true",
            "hommes armés vers Bandiagra|Bandiagara|mopti|cercle|true",
            "Bandjagara les enfants|Bandiagara|mopti|cercle|true",
            "école brûlée a Dinangourou hier|Dinangourou|mopti|commune|false",
            "dinagouru 3 enfants tues|Dinangourou|mopti|commune|true",
            "enfants recrutés a Anderanbokane|Andéramboukane|menaka|cercle|true",
            "tirs à Tessalt|Tessalit|kidal|cercle|true",
            // ambiguous names with evidence
            "les enfants de Boni|Boni|mopti|village|false",
            "Attaque hier à Boni ce matin|Boni|mopti|village|false",
            "on a vu des hommes armés Boni Douentza|Boni|mopti|village|false",
            "l'école de Koro est fermée par les jihadistes|Koro|mopti|cercle|false",
            "ils ont brûlé l'école à Koro|Koro|mopti|cercle|false",
            "cercle de Koro: attaque|Koro|mopti|cercle|false",
            "Des enfants tués à Diré|Diré|tombouctou|cercle|false",
            "des enfants tués a dire hier|<none>|||",
            "les enfants de Ber sont partis|Ber|tombouctou|commune|false",
            "attaque à San hier|San|segou|cercle|false",
            "la ville de san est calme|San|segou|cercle|false",
            "Bamba cercle de Bourem: enfants recrutés|Bamba|gao|commune|false",
            "enfants recrutés à Bamba (Koro)|Bamba|mopti|commune|false",
            "mine près de Fafa, Ansongo|Fafa|gao|village|false",
            "village de Léré attaqué|Léré|tombouctou|commune|false",
            // ambiguous words used as words
            "san in ka di|<none>|||",
            "un vieux koro est venu|<none>|||",
            "il faut le dire|<none>|||",
            "a san a fani|<none>|||",
            "san la, denw ma taa kalanso|<none>|||",
            "a koro ye min ye|<none>|||",
            "Salam, je veux signaler un cas|<none>|||",
            "Moussa Bamba a été arrêté|<none>|||",
            "explosif C4 trouvé|<none>|||",
            "lere 5 la|<none>|||",
            // no place, ordinary words near names
            "bonjour merci pour le service|<none>|||",
            "un gosse a disparu|<none>|||",
            "les maliens sont fatigués|<none>|||",
            "au Mali les enfants souffrent|<none>|||",
            "une bourse pour les enfants|<none>|||",
            "la situation est sévère|<none>|||",
            "Fatima est malade|<none>|||",
            "i ni ce, an ka kene|<none>|||",
            "attack in the village yesterday, children killed|<none>|||",
    })
    void bestPlace(String text, String name, String region, String kind, Boolean fuzzy) {
        var best = MATCHER.best(text);
        if ("<none>".equals(name)) {
            assertThat(best).as(text).isEmpty();
            return;
        }
        assertThat(best).as(text).isPresent();
        assertThat(best.get().name()).as(text).isEqualTo(name);
        assertThat(best.get().region()).isEqualTo(region);
        assertThat(best.get().kind()).isEqualTo(kind);
        assertThat(best.get().fuzzy()).isEqualTo(fuzzy);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Je suis de Gao mais l'attaque est à Boni|Gao,Boni|Boni",
            "Sévaré, région de Mopti: enfants blessés|Sévaré,Mopti|Sévaré",
            "à Kidal, puis vers Anéfis et Tessalit|Kidal,Anéfis,Tessalit|Anéfis",
            "Koro et Bankass puis Bandiagara|Koro,Bankass,Bandiagara|Bankass",
            "on vient de Mopti, l'attaque a eu lieu dans la région de Gao|Mopti,Gao|Mopti",
            "attaque région de Ségou|Ségou|Ségou",
    })
    void severalPlaces(String text, String names, String best) {
        assertThat(MATCHER.find(text)).extracting(PlaceMatch::name).containsExactlyElementsOf(Arrays.asList(names.split(",")));
        assertThat(MATCHER.best(text)).get().extracting(PlaceMatch::name).isEqualTo(best);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Attaque à Tin‑Essako hier", "Ɲɛ: attaque à Ménaka", "  à  Douentza "})
    void reportsTheTextAsWritten(String text) {
        PlaceMatch match = MATCHER.find(text).get(0);
        assertThat(text.substring(match.start(), match.end())).isEqualTo(match.matched());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"région de Mopti|region", "cercle de Mopti|cercle", "à Mopti|cercle",
            "region de Tombouctou|region"})
    void theWordBeforeSaysWhichKind(String text, String kind) {
        assertThat(MATCHER.best(text)).get().extracting(PlaceMatch::kind).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a Douentza|1.0", "a Douentsa|0.95", "a Duentza|0.85", "les enfants de boni|0.75",
            "Attaque à Boni|0.9"})
    void scores(String text, double score) {
        assertThat(MATCHER.find(text)).extracting(PlaceMatch::score).isEqualTo(List.of(score));
    }
}
