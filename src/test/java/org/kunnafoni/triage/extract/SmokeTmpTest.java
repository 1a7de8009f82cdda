package org.kunnafoni.triage.extract;

import org.junit.jupiter.api.Test;

class SmokeTmpTest {
    @Test
    void print() {
        Extractor x = Extractor.loadDefault();
        String[] texts = {
            "Des hommes armés ont enlevé trois enfants hier soir à Gao",
            "Deux filles et trois garçons blessés par une mine ce matin, ils saignent",
            "Une fille de 14 ans violée avant-hier par des jihadistes",
            "il y a 2 mois les militaires ont tué 4 enfants",
            "Il n'y a pas de blessés, les hommes armés sont partis",
            "aucun enfant n'a été blessé",
            "Les djihadistes sont encore là, ils tirent en ce moment",
            "denmisɛn saba minɛna kunun jihadistiw fɛ",
            "three boys aged 12 and 14 were taken by gunmen last night",
            "no children were injured",
            "mon enfant travaille dans une mine d'or depuis 2 ans",
            "ثلاثة أطفال أصيبوا بانفجار لغم اليوم",
            "Plusieurs enfants recrutés par la milice dozo le mois passé",
            "une dizaine d'enfants 12ans",
            "a si ye san 12 ye, donsow ye a minɛ",
            "The children are still there, 2 girls injured",
        };
        for (String t : texts) {
            System.out.println(t + "\n   -> " + x.extract(t));
        }
    }
}
