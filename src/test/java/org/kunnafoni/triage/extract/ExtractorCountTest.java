package org.kunnafoni.triage.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractorCountTest {
    private static final Extractor EXTRACTOR = Extractor.loadDefault();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // text | children | several | sex
            "Des hommes armés ont pris 3 enfants au marché|3|true|UNKNOWN",
            "trois enfants ont disparu près du puits|3|true|UNKNOWN",
            "deux filles enlevées sur la route de Douentza|2|true|FEMALE",
            "un garçon blessé par balle|1|false|MALE",
            "mon fils a disparu|-|false|MALE",
            "Deux filles et trois garçons blessés|5|true|MIXED",
            "12 enfants dont 4 filles emmenés par les assaillants|12|true|FEMALE",
            "une dizaine d'enfants ont été vus avec les combattants|10|true|UNKNOWN",
            "trois jeunes enfants sans parents à la gare|3|true|UNKNOWN",
            "dix-sept élèves retenus dans la brousse|17|true|UNKNOWN",
            "plusieurs enfants recrutés au village|-|true|UNKNOWN",
            "beaucoup d'enfants dans le camp ont faim|-|true|UNKNOWN",
            "des enfants dans le village, trois blessés graves|-|true|UNKNOWN",
            "l'enfant a été retrouvé seul|-|false|UNKNOWN",
            "aucun enfant n'a été touché, deux hommes tués|-|false|UNKNOWN",
            "pas de filles dans le groupe|-|false|UNKNOWN",
            "une fille de sexe féminin abandonnée|1|false|FEMALE",
            // Bambara: the number follows the noun
            "denmisɛn saba minɛna kunun|3|true|UNKNOWN",
            "denmisenw naani taara|4|true|UNKNOWN",
            "npogotigi fila|2|true|FEMALE",
            "den tan ni fila|12|true|UNKNOWN",
            "denmuso kelen ni dencɛ fila|3|true|MIXED",
            "kamalen duuru ye marifa ta|5|true|MALE",
            "denmisɛn caman bɛ yen|-|true|UNKNOWN",
            "denmisen 4 jogin na|4|true|UNKNOWN",
            "bi saba denw|-|false|UNKNOWN",
            // English
            "two boys were taken by gunmen|2|true|MALE",
            "5 children injured in the market|5|true|UNKNOWN",
            "several children were recruited|-|true|UNKNOWN",
            "three young girls missing|3|true|FEMALE",
            "no children were hurt|-|false|UNKNOWN",
            // Songhay, Fulfulde, Arabic
            "zanka hinza|3|true|UNKNOWN",
            "ɓiɓɓe tati|3|true|UNKNOWN",
            "bibbe nayi|4|true|UNKNOWN",
            "ثلاثة أطفال أصيبوا|3|true|UNKNOWN",
            "طفلين في المستشفى|2|true|UNKNOWN",
            "خمس بنات|5|true|FEMALE",
            "والأطفال في خطر|-|false|UNKNOWN",
            // numbers that are not counts
            "enfant de 12 ans|-|false|UNKNOWN",
            "a girl, 11, was taken|-|false|FEMALE",
            "they took 3 of our children|3|true|UNKNOWN",
            "ils ont pris 4 de nos enfants|4|true|UNKNOWN",
            "appelez le 76123456 pour l'enfant|-|false|UNKNOWN",
    })
    void countsChildren(String text, Integer children, boolean several, Sex sex) {
        Extraction x = EXTRACTOR.extract(text);
        assertThat(x.children()).as("children %s", x.reasons()).isEqualTo(children);
        assertThat(x.several()).as("several %s", x.reasons()).isEqualTo(several);
        assertThat(x.sex()).as("sex %s", x.reasons()).isEqualTo(sex);
    }
}
