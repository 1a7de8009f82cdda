package org.kunnafoni.triage.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractorSignsTest {
    private static final Extractor EXTRACTOR = Extractor.loadDefault();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | weapons | explosives | medical need
            "ils avaient des fusils et des kalach|true|false|false",
            "des hommes armés au puits|true|false|false",
            "coups de feu près de l'école|true|false|false",
            "gunmen near the school|true|false|false",
            "u ye marifa di denmisenw ma|true|false|false",
            "ils n'avaient pas d'armes|false|false|false",
            "une mine a explosé sur la route|false|true|false",
            "un engin explosif improvisé près du marché|false|true|false",
            "les enfants jouaient avec un obus|false|true|false",
            "EEI sur la piste|false|true|false",
            "a landmine killed a boy|false|true|false",
            "IED on the road to the school|false|true|false",
            "لغم انفجر|false|true|false",
            "il travaille dans une mine d'or|false|false|false",
            "u ye denmisenw minɛ|false|false|false",
            "deux enfants blessés|false|false|true",
            "la fille saigne beaucoup|false|false|true",
            "il a besoin de soins|false|false|true",
            "l'enfant a été hospitalisé|false|false|true",
            "un a le bras cassé|false|false|true",
            "the boy is bleeding|false|false|true",
            "two children injured|false|false|true",
            "denmisɛn joginna|false|false|true",
            "joginda bɛ a la|false|false|true",
            "طفل جريح|false|false|true",
            "pas de blessés|false|false|false",
            "il n'y a pas eu de blessés|false|false|false",
            "aucun enfant n'a été blessé|false|false|false",
            "nobody was injured|false|false|false",
            "no injuries reported|false|false|false",
            "l'hôpital a été pillé|false|false|false",
            "pas de blessé, mais un obus non explosé|false|true|false",
    })
    void readsSigns(String text, boolean weapons, boolean explosives, boolean medical) {
        Extraction x = EXTRACTOR.extract(text);
        assertThat(x.weapons()).as("weapons %s", x.reasons()).isEqualTo(weapons);
        assertThat(x.explosives()).as("explosives %s", x.reasons()).isEqualTo(explosives);
        assertThat(x.medicalNeed()).as("medical %s", x.reasons()).isEqualTo(medical);
    }
}
