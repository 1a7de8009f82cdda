package org.kunnafoni.triage.violation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables of messages per language; the sentences are written for these tests, not taken from the corpus. */
class ViolationClassifierTest {
    private static final ViolationClassifier CLASSIFIER = new ViolationClassifier(ViolationLexicon.loadDefault());

    private static void check(String text, Language language, String expected) {
        ViolationResult result = CLASSIFIER.classify(text, language);
        assertThat(result.category().id())
                .as("%s%n  candidates %s%n  reasons %s", text, result.candidates(), result.reasons())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Des hommes armés ont tué deux enfants à Boni hier soir|killing_maiming",
            "un enfant blessé par balle perdue au marché de Gao|killing_maiming",
            "3 enfts tues par une mine sur la route de Douentza|killing_maiming",
            "Une fillette de 9 ans a sauté sur une mine près du puits|killing_maiming",
            "Un obus non explosé trouvé près de l'école où jouent les enfants|killing_maiming",
            "Frappe de drone sur le village, 4 enfants blessés|killing_maiming",
            "les militaires ont tabassé un garçon de 12 ans au marché|killing_maiming",
            "Mon fils a été touché par les tirs croisés, il saigne beaucoup|killing_maiming",
            "Les jihadistes ont enlevé des garçons pour les former au combat|recruitment_use",
            "Ils recrutent des enfants de 14 ans dans notre village|recruitment_use",
            "des enfants soldats vus au poste de contrôle de Léré|recruitment_use",
            "les enfants sont utilisés comme guetteurs par les hommes armés|recruitment_use",
            "Ma fille de 13 ans a été violée par des hommes en armes|sexual_violence",
            "Une élève victime de violences sexuelles par un militaire|sexual_violence",
            "Les jihadistes ont pris les filles pour les marier de force aux combattants|sexual_violence",
            "Deux enfants enlevés cette nuit par des inconnus à Tenenkou|abduction",
            "Des hommes armés ont kidnappé 3 élèves sur la route|abduction",
            "Des individus ont emporté nos enfants vers une destination inconnue|abduction",
            "L'école de Dinangourou a été incendiée par des hommes armés|attack_school_hospital",
            "Le cscom a été pillé cette nuit|attack_school_hospital",
            "Un enseignant a été menacé de mort par les jihadistes|attack_school_hospital",
            "Les écoles sont fermées à cause des menaces des jihadistes|attack_school_hospital",
            "Des hommes armés occupent l'école depuis lundi|attack_school_hospital",
            "Les camions du PAM ont été bloqués et pillés sur la route de Ménaka|denial_humanitarian_access",
            "Le village est sous blocus, plus de vivres ni de médicaments pour les enfants|denial_humanitarian_access",
            "Les humanitaires ont été chassés du village par les hommes armés|denial_humanitarian_access",
            "Une fille de 14 ans va être mariée de force samedi|other_child_protection",
            "Beaucoup d'enfants travaillent sur le site d'orpaillage de Kéniéba|other_child_protection",
            "Un enfant perdu au marché de Mopti, il cherche ses parents|other_child_protection",
            "Un bébé abandonné devant la mosquée ce matin|other_child_protection",
            "La fillette est maltraitée par sa tutrice tous les jours|other_child_protection",
            "Excision prévue ce week-end pour plusieurs fillettes du quartier|other_child_protection",
            "slt, ya eu tirs a koro ce matin 1 enft tue 2 blesse|killing_maiming",
            "Mon fils a disparu depuis que les hommes armés sont passés|abduction",
            "Nos 2 filles ont été prises par des hommes armés en allant au puits|abduction",
            "des adolescents armés gardent le checkpoint|recruitment_use",
            "Farabougou est encerclé, les enfants manquent de nourriture|denial_humanitarian_access",
    })
    void french(String text, String expected) {
        check(text, Language.FRA, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bonjour|not_relevant",
            "Merci beaucoup pour votre travail|not_relevant",
            "test|not_relevant",
            "ceci est un test|not_relevant",
            "Envoyez moi du crédit svp|not_relevant",
            "Félicitations vous avez gagné 500 000 FCFA, envoyez votre code secret|not_relevant",
            "L'école est fermée à cause de la grève des enseignants|not_relevant",
            "Ecole fermée pour les vacances de Tabaski|not_relevant",
            "Des hommes armés ont tué trois bergers au puits|not_relevant",
            "Deux commerçants enlevés sur la route de Bourem|not_relevant",
            "Un enfant est mort du paludisme hier|not_relevant",
            "Comment ça marche votre service ?|not_relevant",
            "mon enfant est malade|not_relevant",
    })
    void frenchNotRelevant(String text, String expected) {
        check(text, Language.FRA, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Il y a eu des tirs mais pas d'enfants tués|not_relevant",
            "Aucun enfant n'a été blessé pendant l'attaque|not_relevant",
            "attaque au village, aucun enfant blessé|not_relevant",
            "No children were hurt in the attack|not_relevant",
            "Aucun enfant blessé, mais deux enfants ont été enlevés|abduction",
            "pas d'enfants tués mais 2 enfants blessés gravement|killing_maiming",
            "The school was closed because of the teachers strike|not_relevant",
            "Les hommes armés ont pris la fuite, les enfants vont bien|not_relevant",
            "les enfants enlevés ont été pris en charge par la croix rouge|abduction",
            "den si ma faga|not_relevant",
            "Menace de mort contre le directeur d'école par les jihadistes|attack_school_hospital",
            "Un homme tué par des bandits, il laisse 4 enfants|not_relevant",
            "pas de nouvelles des 3 enfants enlevés hier|abduction",
            "l'enfant est tombé d'un arbre et s'est blessé au bras|not_relevant",
            "Des enfants blessés à l'hôpital après l'attaque du village|killing_maiming",
            "Les enfants ont été vaccinés contre la rougeole au cscom|not_relevant",
    })
    void negationAndContext(String text, String expected) {
        check(text, Language.FRA, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Armed men killed two children in the village last night|killing_maiming",
            "A boy was injured by a landmine near the river|killing_maiming",
            "girl 10yo hit by stray bullet at the market|killing_maiming",
            "Kids found an unexploded shell near the well|killing_maiming",
            "soldiers beat a 15 year old boy at the checkpoint|killing_maiming",
            "The jihadists are recruiting boys as young as 13|recruitment_use",
            "children used as spies and porters by the armed group|recruitment_use",
            "they took our sons to a training camp to fight|recruitment_use",
            "A 12 year old girl was raped by soldiers|sexual_violence",
            "Fighters forced the girls into marriage with their commanders|sexual_violence",
            "Three children were abducted by gunmen this morning|abduction",
            "My daughter was kidnapped on her way home|abduction",
            "The school was burned down by armed men|attack_school_hospital",
            "Gunmen attacked the health centre and looted the medicine|attack_school_hospital",
            "A teacher was killed by jihadists in front of his pupils|attack_school_hospital",
            "Schools closed after threats from armed groups|attack_school_hospital",
            "The aid convoy was blocked by armed men for three days|denial_humanitarian_access",
            "The town is under blockade, no food or medicine can enter|denial_humanitarian_access",
            "A 13 year old girl is being married off to an old man|other_child_protection",
            "Many children work in the gold mine at Kangaba|other_child_protection",
            "An unaccompanied boy arrived at the bus station|other_child_protection",
            "hello|not_relevant",
            "Please send me airtime|not_relevant",
            "Armed men killed 3 herders near the well|not_relevant",
            "this is a test|not_relevant",
            "my child got his measles shot at the clinic today|not_relevant",
            "the boy fell from a tree and hurt his arm|not_relevant",
            "Armed men have been living in the school since March|attack_school_hospital",
            "my little brother was taken by armed men yesterday|abduction",
    })
    void english(String text, String expected) {
        check(text, Language.ENG, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Marifatigiw ye den fila faga kunu|killing_maiming",
            "Denmisɛn kelen fagara sugu la|killing_maiming",
            "den saba joginna marifa ci la|killing_maiming",
            "sorodasiw ye cɛmisɛn bugɔ kosɛbɛ|killing_maiming",
            "Kɛlɛcɛw ye denw minɛ ka taa n'u ye|abduction",
            "u ye denmisɛnw minɛ su fɛ|abduction",
            "npogotigi minɛna sira kan|abduction",
            "jihadistew ye kamalenw ni denw ta ka u kɛ kɛlɛcɛw ye|recruitment_use",
            "u ye marifa di denmisɛnw ma|recruitment_use",
            "Binkannikɛlaw ye lakɔli jeni|attack_school_hospital",
            "marifatigiw binna dɔgɔtɔrɔso kan|attack_school_hospital",
            "u ye karamɔgɔ faga|attack_school_hospital",
            "lakɔli datugura kɛlɛcɛw siran kosɔn|attack_school_hospital",
            "u ye dɛmɛ mobiliw bali ka don dugu kɔnɔ|denial_humanitarian_access",
            "kɛlɛcɛw ye sunguru furu fanga la|sexual_violence",
            "denmisɛnfuru bɛ kɛ yan|other_child_protection",
            "Den dɔ tununna kabini kunu|other_child_protection",
            "bolokoli bɛ kɛ sini npogotigiw la|other_child_protection",
            "den bilalen sɔrɔla misiri da la|other_child_protection",
            "I ni ce|not_relevant",
            "aw ni sogoma, i ka kɛnɛ wa?|not_relevant",
            "wari ci n ma|not_relevant",
            "den si ma faga, Ala ka an tanga|not_relevant",
            "marifatigiw ye cɛ saba faga|not_relevant",
            "lakɔli datugura karamɔgɔw ka greve kosɔn|not_relevant",
    })
    void bambara(String text, String expected) {
        check(text, Language.BAM, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Marifatigiw ye enfants fila enlever kunu|BAM|abduction",
            "hommes armés ye lakɔli brûlé|BAM|attack_school_hospital",
            "denw tués par une mine à Boni|UND|killing_maiming",
            "Les kelecew ont recruté des denmisɛnw|FRA|recruitment_use",
            "armed men ont enlevé 2 enfants|UND|abduction",
            "Children were killed, les hommes armés sont toujours là|FRA|killing_maiming",
            "hommes armés ye den fila enlever|BAM|abduction",
            "marifatigiw ye den saba faga Mopti|UND|killing_maiming",
            "ONG mobiliw balira ka don dugu kɔnɔ, marifatigiw ye sira datugu|BAM|denial_humanitarian_access",
            "bjr, a koro les fama ont tue 2 enft ce matin|BAM|killing_maiming",
    })
    void codeSwitched(String text, Language language, String expected) {
        check(text, language, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "قتل مسلحون طفلين في القرية|ARA|killing_maiming",
            "اختطاف ثلاثة أطفال من القرية|ARA|abduction",
            "هاجم مسلحون المدرسة وأحرقوها|ARA|attack_school_hospital",
            "اغتصاب طفلة عمرها 12 سنة|ARA|sexual_violence",
            "تجنيد الأطفال من قبل الجماعات المسلحة|ARA|recruitment_use",
            "منعوا قافلة المساعدات من دخول المدينة|ARA|denial_humanitarian_access",
            "لم يقتل أي طفل|ARA|not_relevant",
            "السلام عليكم|ARA|not_relevant",
            "Jam waali, on jaraama|FFM|not_relevant",
            "ɓiɓɓe ɗiɗi enlevés ha Macina|FFM|abduction",
            "Fofo|SES|not_relevant",
            "zankey enlevés à Gao par des hommes armés|SES|abduction",
            "salam aleikoum, école brûlée à Kidal par les hommes armés|TAQ|attack_school_hospital",
    })
    void otherLanguages(String text, Language language, String expected) {
        check(text, language, expected);
    }

    @Test
    void reasonsNameTermsLanguageAndWeight() {
        ViolationResult result = CLASSIFIER.classify("Deux enfants enlevés cette nuit", Language.FRA);
        assertThat(result.reasons()).contains("abduction: 'enleves' (fra, +3.6)");
        assertThat(result.candidates()).first().extracting(CategoryScore::category).isEqualTo(Category.ABDUCTION);
    }

    @Test
    void reasonsShowNegations() {
        ViolationResult result = CLASSIFIER.classify("Il y a eu des tirs mais pas d'enfants tués", Language.FRA);
        assertThat(result.reasons()).anyMatch(r -> r.startsWith("negated: 'pas d enfants"));
    }

    @Test
    void candidatesAreBestFirstAndPositive() {
        ViolationResult result = CLASSIFIER.classify("Les jihadistes ont enlevé 3 enfants pour les enrôler", Language.FRA);
        assertThat(result.category()).isEqualTo(Category.RECRUITMENT_USE);
        assertThat(result.candidates()).allMatch(c -> c.score() > 0)
                .isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void emptyAndNullAreNotRelevant() {
        assertThat(CLASSIFIER.classify("", Language.UND).category()).isEqualTo(Category.NOT_RELEVANT);
        assertThat(CLASSIFIER.classify(null, null).category()).isEqualTo(Category.NOT_RELEVANT);
    }
}
