package org.kunnafoni.triage.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractorTimeTest {
    private static final Extractor EXTRACTOR = Extractor.loadDefault();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text | time | ongoing
            "les hommes armés sont là maintenant|NOW|false",
            "en ce moment ils tirent sur le village|NOW|true",
            "actuellement des enfants au checkpoint|NOW|false",
            "u bɛ yen sisan|NOW|true",
            "they are shooting right now|NOW|true",
            "currently at the school|NOW|false",
            "ils sont encore là avec les enfants|NOW|true",
            "les combattants sont en train de recruter|NOW|true",
            "attaque en cours à l'école|NOW|true",
            "still there near the well|NOW|true",
            "hali sisan u bɛ yen|NOW|true",
            "الآن في القرية|NOW|false",
            "aujourd'hui deux enfants enlevés|TODAY|false",
            "ce matin à Sévaré|TODAY|false",
            "cette nuit des tirs|TODAY|false",
            "il y a 3 heures|TODAY|false",
            "bi sɔgɔma|TODAY|false",
            "this morning at the market|TODAY|false",
            "hannde|TODAY|false",
            "اليوم|TODAY|false",
            "hier à Bankass|YESTERDAY|false",
            "hier soir vers 20h|YESTERDAY|false",
            "la nuit dernière|YESTERDAY|false",
            "kunun su|YESTERDAY|false",
            "yesterday evening|YESTERDAY|false",
            "last night they came|YESTERDAY|false",
            "il y a un jour|YESTERDAY|false",
            "أمس|YESTERDAY|false",
            "avant-hier au marché|RECENT|false",
            "cette semaine dans le cercle|RECENT|false",
            "kunasini|RECENT|false",
            "il y a 3 jours|RECENT|false",
            "depuis quelques jours|RECENT|false",
            "this week near Gao|RECENT|false",
            "2 days ago|RECENT|false",
            "la semaine dernière à Gao|WEEK|false",
            "last week near the well|WEEK|false",
            "il y a 5 jours|WEEK|false",
            "a week ago|WEEK|false",
            "dɔgɔkun tɛmɛnen|WEEK|false",
            "le mois passé|PAST|false",
            "l'année dernière à Kidal|PAST|false",
            "il y a 2 mois|PAST|false",
            "il y a deux semaines|PAST|false",
            "san tɛmɛnen|PAST|false",
            "last month|PAST|false",
            "three weeks ago|PAST|false",
            "الشهر الماضي|PAST|false",
            "un enfant perdu|UNKNOWN|false",
            "pendant 3 jours|UNKNOWN|false",
            // the most recent cue wins; a departure ends the presence stated before it
            "hier ils ont attaqué et ils sont encore là|NOW|true",
            "il y a 2 mois, et aujourd'hui encore|TODAY|false",
            "maintenant ils sont partis|TODAY|false",
            "les hommes armés sont partis ce matin|TODAY|false",
            "ils ne sont pas encore là|UNKNOWN|false",
            "c'est encore la même chose|UNKNOWN|false",
            "les enfants étaient en cours quand ils sont venus|UNKNOWN|false",
    })
    void readsTime(String text, TimeCue time, boolean ongoing) {
        Extraction x = EXTRACTOR.extract(text);
        assertThat(x.time()).as("%s", x.reasons()).isEqualTo(time);
        assertThat(x.ongoing()).as("%s", x.reasons()).isEqualTo(ongoing);
    }
}
