package org.kunnafoni.triage.violation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row per family of wording added to the lexicons (a verb with its inflections, a construction, a synonym
 * set), in each language where it applies; the sentences are written for these tests, not taken from the corpus.
 */
class ViolationFamiliesTest {
    private static final ViolationClassifier CLASSIFIER = new ViolationClassifier(ViolationLexicon.loadDefault());

    private static void check(String text, String language, String expected) {
        ViolationResult result = CLASSIFIER.classify(text, Language.valueOf(language));
        assertThat(result.category().id())
                .as("%s%n  candidates %s%n  reasons %s", text, result.candidates(), result.reasons())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // stolen / stormed / used as a base: schools and health centres
            "Des bandits ont dévalisé le dispensaire de Ségou hier soir|FRA|attack_school_hospital",
            "Les hommes armés ont fait irruption dans l'école de Bankass|FRA|attack_school_hospital",
            "Gunmen stormed the health centre in Menaka and stole the ambulance|ENG|attack_school_hospital",
            "Soldiers have been using the school as a base since Monday|ENG|attack_school_hospital",
            "المسلحون يستخدمون المستشفى ثكنة لهم|ARA|attack_school_hospital",
            // staff driven out, harassed, locked up
            "Les jihadistes ont ordonné aux infirmiers de quitter le CSCOM|FRA|attack_school_hospital",
            "Armed men ordered the teachers to leave the village|ENG|attack_school_hospital",
            "karamɔgɔw bolila marifatigiw kosɔn|BAM|attack_school_hospital",
            // hit by a bullet / in a limb
            "Un garçon de 10 ans atteint par balle à Gao ce matin|FRA|killing_maiming",
            "A boy was hit in the leg during the fighting near Kidal|ENG|killing_maiming",
            "den dɔ jogira marifa ci la|BAM|killing_maiming",
            "ضرب الجنود طفلا حتى الموت|ARA|killing_maiming",
            // weapons handed to children, children in roles, leaving with the group
            "Les rebelles distribuent des fusils aux jeunes garçons du village|FRA|recruitment_use",
            "They handed rifles to the boys of our village|ENG|recruitment_use",
            "Mon grand frère de 16 ans est parti avec les jihadistes|FRA|recruitment_use",
            "Teenagers guard the checkpoint at the entrance of the town|ENG|recruitment_use",
            "denmisɛnw bɛ kunnafoni di kɛlɛcɛw ma|BAM|recruitment_use",
            "u ye kamalenninw ta ka u kɛ sorodasiw ye|BAM|recruitment_use",
            "أعطوا الأولاد أسلحة في القرية|ARA|recruitment_use",
            "الجماعة تجند القاصرين قرب غاو|ARA|recruitment_use",
            // forced sex, marriage to a fighter at a distance, abuse of a girl
            "Ma petite soeur de 13 ans a été obligée de coucher avec un chef|FRA|sexual_violence",
            "The fighters forced the girls to sleep with them|ENG|sexual_violence",
            "Les combattants ont choisi deux filles de 15 ans pour les marier au chef|FRA|sexual_violence",
            "Armed men took a girl of 14 as a wife for one of their fighters|ENG|sexual_violence",
            "a guard at the camp keeps abusing a young girl|ENG|sexual_violence",
            "marifatigiw ye npogotigi dɔ minɛ fanga la|BAM|sexual_violence",
            "أخذ المسلحون الفتاة زوجة لقائدهم|ARA|sexual_violence",
            "فتيات يتعرضن للاستغلال الجنسي في المخيم|ARA|sexual_violence",
            // every inflection of taking, beside the child
            "Les soldats enlèvent les enfants au marché|FRA|abduction",
            "Ils ont emmené deux élèves après avoir brûlé l'école|FRA|abduction",
            "Gunmen grabbed three boys at the well|ENG|abduction",
            "u ye denmisɛn naani minɛ kunun|BAM|abduction",
            "u ye sunguru fila ta ka taa n u ye|BAM|abduction",
            // denial: stolen aid, stopped trucks, no convoy, road closed and nothing to eat
            "Les hommes armés ont volé les vivres destinés aux enfants|FRA|denial_humanitarian_access",
            "Aucun convoi n'arrive à Léré depuis un mois|FRA|denial_humanitarian_access",
            "The armed men stop the water trucks on the road|ENG|denial_humanitarian_access",
            "jihadistew ye ONG baarakelaw gɛn, dɛmɛ si tɛ na|BAM|denial_humanitarian_access",
            "sira datugulen don, dumuni tɛ, fura tɛ|BAM|denial_humanitarian_access",
            "طرد المسلحون المنظمات الإنسانية من القرية|ARA|denial_humanitarian_access",
            "laawol uddii, nyaamdu walaa|FFM|denial_humanitarian_access",
            "Les vivres du PAM n'arrivent plus à Boni à cause des hommes armés|FRA|denial_humanitarian_access",
            "The food distribution was cancelled after gunmen threatened the NGO|ENG|denial_humanitarian_access",
            "The town is isolated, roads are mined and the children are malnourished|ENG|denial_humanitarian_access",
            "الشاحنات لا تصل إلى القرية بسبب المسلحين|ARA|denial_humanitarian_access",
            "Un élève a succombé à ses blessures après l'attaque|FRA|killing_maiming",
            "Two children were crushed by a military vehicle near Gao|ENG|killing_maiming",
            "لقي طفل حتفه في انفجار قرب السوق|ARA|killing_maiming",
            "Des garçons de 15 ans travaillent pour les jihadistes comme éclaireurs|FRA|recruitment_use",
            "Boys are carrying ammunition for the armed group|ENG|recruitment_use",
            "Les jihadistes interdisent l'école aux filles du village|FRA|attack_school_hospital",
            "The militants banned girls from school in our commune|ENG|attack_school_hospital",
            "Des enfants déplacés dorment dehors devant la mairie|FRA|other_child_protection",
            "Displaced children sleeping outside the bus station|ENG|other_child_protection",
            "اقتاد المسلحون ولدين إلى مكان مجهول|ARA|abduction",
            "أطفال مشردون يتسولون في سوق موبتي|ARA|other_child_protection",
            "La petite bonne de 11 ans est exploitée par ses patrons|FRA|other_child_protection",
            "marifatigiw ye denmisɛnw don kɛlɛ la|BAM|recruitment_use",
            // children at work, alone, beaten at home
            "Des enfants de 9 ans travaillent dans les mines d'or|FRA|other_child_protection",
            "Children are made to work in the fields instead of school|ENG|other_child_protection",
            "Kids working at the gold pits with mercury|ENG|other_child_protection",
            "sunguru dɔ bɛ baara kɛ so kɔnɔ|BAM|other_child_protection",
            "أطفال يعملون في منجم الذهب|ARA|other_child_protection",
            "Des enfants déplacés sans tuteur dorment devant la gare|FRA|other_child_protection",
            "den dɔ bɛ taama a kelen, a bangebagaw tɛ a fɛ|BAM|other_child_protection",
            "أطفال ينامون في الشارع بلا أهل|ARA|other_child_protection",
            "Mon voisin bat sa fille de 6 ans tous les jours|FRA|other_child_protection",
            "The neighbours beat their little boys every night|ENG|other_child_protection",
            "den dɔ filila sugu la|BAM|other_child_protection",
            // blocking said with a negation inside the phrase; teams sent back; roads closed with hunger
            "The armed group does not allow NGOs into the villages|ENG|denial_humanitarian_access",
            "Les agents de vaccination ont été renvoyés par les hommes armés|FRA|denial_humanitarian_access",
            "les jihadistes bloquent les routes, la faim tue les enfants|FRA|denial_humanitarian_access",
            "Aid trucks have been stuck at the checkpoint for ten days|ENG|denial_humanitarian_access",
            // children carrying ammunition, trained, at a roadblock; a rape at a checkpoint stays a rape
            "les rebelles utilisent des mineurs pour transporter les munitions|FRA|recruitment_use",
            "Les talibés sont amenés au camp pour être formés|FRA|recruitment_use",
            "boys with rifles at the militia roadblock|ENG|recruitment_use",
            "soldiers raped a girl yesterday at the checkpoint|ENG|sexual_violence",
            // a bullet received; the hospital where the wounded child is cared for is not attacked
            "Ma fille a reçu une balle au bras pendant l'attaque, elle est à l'hôpital|FRA|killing_maiming",
            "a boy was shot in the leg by soldiers, he needs a doctor|ENG|killing_maiming",
    })
    void familiesAreRecognised(String text, String language, String expected) {
        check(text, language, expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the same words in harmless sentences
            "mon fils travaille bien à l'école|FRA|not_relevant",
            "The school is using new books this year|ENG|not_relevant",
            "les enseignants ont quitté le village pour les vacances|FRA|not_relevant",
            "Les camions de vivres sont arrivés à Gao ce matin, merci|FRA|not_relevant",
            "The NGO distributed food to children today|ENG|not_relevant",
            "soldiers entered the town and stole motorbikes|ENG|not_relevant",
            "les jihadistes sont partis avec les motos|FRA|not_relevant",
            "Hello, how do I join the group?|ENG|not_relevant",
            "est-ce qu'il y a une distribution de vivres demain ?|FRA|not_relevant",
            "soldiers checked our papers at the checkpoint|ENG|not_relevant",
            "les élèves ont reçu des fournitures scolaires de l'UNICEF|FRA|not_relevant",
            "nous sommes des enseignants de Mopti, merci pour les messages|FRA|not_relevant",
            "les enfants sont entrés dans l'école à 8 heures|FRA|not_relevant",
            "The headmaster ordered new desks for the school|ENG|not_relevant",
            "A truck stopped near the market this morning|ENG|not_relevant",
            "un camion est bloqué sur la route de Gao, il est en panne|FRA|not_relevant",
            "التلاميذ يستعملون المدرسة للدراسة|ARA|not_relevant",
            // a plea for help is not blocked aid; "den si ma sa" denies the child
            "jihadistes ye dugu attaquer, cɛ fila fagara, aw ye an dɛmɛ|BAM|not_relevant",
            "cɛ naani fagara sugu la, den si ma sa|BAM|not_relevant",
            // possessive "ta ye" is not the verb "to take"
            "dumuni nin ye denmisɛnw ta ye|BAM|not_relevant",
    })
    void harmlessUsesStayNotRelevant(String text, String language, String expected) {
        check(text, language, expected);
    }
}
