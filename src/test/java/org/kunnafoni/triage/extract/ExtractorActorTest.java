package org.kunnafoni.triage.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractorActorTest {
    private static final Extractor EXTRACTOR = Extractor.loadDefault();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "des hommes armés sont venus|ARMED_GROUP",
            "un groupe armé a pris l'école|ARMED_GROUP",
            "les jihadistes ont brûlé les cahiers|ARMED_GROUP",
            "les djihadistes du village|ARMED_GROUP",
            "des terroristes à moto|ARMED_GROUP",
            "des bandits armés ont volé le bétail|ARMED_GROUP",
            "des hommes en moto ont tiré|ARMED_GROUP",
            "jihadistiw ye denmisenw minɛ|ARMED_GROUP",
            "marifatigiw nana|ARMED_GROUP",
            "gunmen attacked the village|ARMED_GROUP",
            "مسلحون خطفوا طفلا|ARMED_GROUP",
            "l'armée a arrêté des garçons|ARMY",
            "les militaires ont fouillé le village|ARMY",
            "des soldats de la FAMa|ARMY",
            "des forces étrangères ont tiré|ARMY",
            "sɔrɔdasiw nana|ARMY",
            "soldiers took the boys|ARMY",
            "الجيش اعتقل طفلين|ARMY",
            "la milice dozo a recruté des garçons|MILITIA",
            "les donso ont pris des enfants|MILITIA",
            "un groupe d'autodéfense|MILITIA",
            "donsow ye kamalenw ta|MILITIA",
            "a self-defence militia recruited boys|MILITIA",
            "ميليشيا جندت أطفالا|MILITIA",
            // the actor named most often wins; on a tie the first named
            "les militaires sont arrivés après les jihadistes, les jihadistes ont fui|ARMED_GROUP",
            "les militaires puis les jihadistes|ARMY",
            "un enfant est tombé dans le puits|UNKNOWN",
            "pas de militaires dans la zone|UNKNOWN",
    })
    void namesTheActor(String text, Actor actor) {
        Extraction x = EXTRACTOR.extract(text);
        assertThat(x.actor()).as("%s", x.reasons()).isEqualTo(actor);
    }
}
