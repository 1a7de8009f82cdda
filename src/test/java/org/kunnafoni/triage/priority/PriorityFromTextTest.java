package org.kunnafoni.triage.priority;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.extract.Extractor;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction and rules together, with the category as the classifier would give it. */
class PriorityFromTextTest {
    private static final Extractor EXTRACTOR = Extractor.loadDefault();
    private static final PriorityRules RULES = new PriorityRules();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "ABDUCTION|Des hommes armés ont enlevé deux filles hier soir près de Bandiagara|URGENT",
            "ABDUCTION|u ye denmisɛn fila minɛ kunun|URGENT",
            "ABDUCTION|un garçon enlevé il y a trois semaines|NORMAL",
            "ABDUCTION|a boy was kidnapped by unknown men|HIGH",
            "KILLING_MAIMING|une mine a tué trois enfants ce matin|URGENT",
            "KILLING_MAIMING|un enfant tué par balle|HIGH",
            "KILLING_MAIMING|un enfant blessé par un obus, il saigne|URGENT",
            "KILLING_MAIMING|l'année dernière deux enfants ont été tués par une mine|NORMAL",
            "KILLING_MAIMING|pas d'enfants blessés mais un enfant tué avant-hier|HIGH",
            "SEXUAL_VIOLENCE|une fille de 13 ans violée hier par des soldats|URGENT",
            "SEXUAL_VIOLENCE|a girl was raped by fighters last month|NORMAL",
            "SEXUAL_VIOLENCE|une fille de 12 ans violée avant-hier|URGENT",
            "SEXUAL_VIOLENCE|a girl was raped by soldiers last week|HIGH",
            "SEXUAL_VIOLENCE|une fille violée il y a 5 jours par des hommes armés|HIGH",
            "RECRUITMENT_USE|les jihadistes recrutent des enfants en ce moment à Ménaka|URGENT",
            "RECRUITMENT_USE|plusieurs garçons ont rejoint la milice|HIGH",
            "ATTACK_SCHOOL_HOSPITAL|des hommes armés occupent l'école, ils sont encore là|URGENT",
            "ATTACK_SCHOOL_HOSPITAL|l'école a été brûlée le mois passé|NORMAL",
            "DENIAL_HUMANITARIAN_ACCESS|le convoi d'aide bloqué aujourd'hui à l'entrée de la ville|HIGH",
            "OTHER_CHILD_PROTECTION|une fille de 12 ans mariée de force aujourd'hui|NORMAL",
            // A child hit by a bullet or in a limb needs care; a fight going on is danger now.
            "KILLING_MAIMING|une fillette touchée à la jambe pendant les tirs|URGENT",
            "KILLING_MAIMING|a boy hit by a bullet near the market|URGENT",
            "KILLING_MAIMING|den dɔ jogira Koro|URGENT",
            "KILLING_MAIMING|أصيب طفل برصاصة قرب السوق|URGENT",
            "ATTACK_SCHOOL_HOSPITAL|les militaires et les rebelles se battent autour de l'école|URGENT",
            "ATTACK_SCHOOL_HOSPITAL|gunmen are inside the clinic with the nurses|URGENT",
            "ABDUCTION|u ye sunguru fila ta, u bɛ dugu kɔnɔ halisa|URGENT",
            "ATTACK_SCHOOL_HOSPITAL|des hommes armés à l'école, on entend des tirs|URGENT",
            "ATTACK_SCHOOL_HOSPITAL|gunmen near the clinic, we can hear gunshots|URGENT",
            // present-tense attacks, "just", bullet wounds and a doctor needed
            "KILLING_MAIMING|les hommes armés tirent sur les gens au marché, un enfant est mort|URGENT",
            "ABDUCTION|gunmen just took three schoolgirls from Bourem|URGENT",
            "ABDUCTION|des hommes armés viennent d'enlever un garçon|URGENT",
            "KILLING_MAIMING|ma fille a reçu une balle, il faut un médecin|URGENT",
            "KILLING_MAIMING|des enfants tués par une mine|URGENT",
            "KILLING_MAIMING|a child killed by a landmine near Boni|HIGH",
            "ATTACK_SCHOOL_HOSPITAL|les jihadistes brûlent l'école|URGENT",
            "NOT_RELEVANT|bonjour, merci pour le service|LOW",
    })
    void prioritisesReports(Category category, String text, Priority priority) {
        PriorityResult result = RULES.assess(category, EXTRACTOR.extract(text));
        assertThat(result.priority()).as("%s %s", result.reasons(), EXTRACTOR.extract(text).reasons())
                .isEqualTo(priority);
    }
}
