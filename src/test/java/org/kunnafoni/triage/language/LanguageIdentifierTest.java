package org.kunnafoni.triage.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageIdentifierTest {
    private static final LanguageIdentifier ID = LanguageIdentifier.loadDefault();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            أطفال مخطوفون في القرية الليلة                 | ara
            ok أطفال مخطوفون                              | ara
            ⴰⵎⴰⵏ ⴷ ⵜⵓⵔⵓⴼⵜ ⵏ ⵎⴰⵍⵉ                              | taq
            ߊߟߎ ߣߌ ߛߐߜߐߡߊ ߘߋ߲ ߝߌߟߊ                              | bam
            𞤀𞤣𞤤𞤢𞤥 𞤆𞤵𞤤𞤢𞤪                                      | ffm
            """)
    void scriptDecidesWithoutTheModel(String text, String expected) {
        LanguageGuess guess = ID.identify(text, Optional.of(Language.FRA));
        assertThat(guess.language().code()).isEqualTo(expected);
        assertThat(guess.method()).isEqualTo(LanguageGuess.SCRIPT);
        assertThat(guess.reasons()).singleElement().asString().contains("script");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bjr                                                                        | fra
            bjr svp aidez nous ds le village des hommes armés ont pris 2 enfts        | fra
            slt, qd est ce que l'ecole va rouvrir? les eleves st a la maison          | fra
            Les enfants ont été enlevés hier soir pres du marché                      | fra
            urgent tt le monde a fui le village, les enfts sont seuls                 | fra
            Please help, armed men took two children from our village                 | eng
            the school was burned last night, kids are hiding in the bush             | eng
            I ni ce, marifatigiw ye denmisɛn fila minɛ kunu su fɛ                     | bam
            an ka dugu la marifatigiw ye denmisen saba mine ka taa n u ye             | bam
            mogo dow ye denmisen fila mine an ka dougou la kounou                     | bam
            aw ye an deme, kongo be denmisenw na                                      | bam
            zankey kulu zuru ka koyra naŋ, i go ganji ra                              | ses
            jam waali, sukaaɓe ɗiɗi majjii haŋki                                      | ffm
            sukaabe didi majjii hannde, wallee min                                    | ffm
            """)
    void latinTextGoesToTheModel(String text, String expected) {
        LanguageGuess guess = ID.identify(text, Optional.empty());
        assertThat(guess.language().code()).as(guess.reasons().toString()).isEqualTo(expected);
        assertThat(guess.method()).isEqualTo(LanguageGuess.MODEL);
        assertThat(guess.confidence()).isBetween(0.0, 1.0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bjr, les hommes armés ye denmisɛnw minɛ an ka village la kunu su fɛ      | bam
            ecole ka fermé kabini semaine fila, enseignants bolila                    | bam
            militaires ye an ka ecole ta, denmisenw te taa kalan na tuguni            | bam
            """)
    void bambaraWithFrenchWordsIsBambara(String text, String expected) {
        LanguageGuess guess = ID.identify(text, Optional.empty());
        assertThat(guess.language().code()).as(guess.reasons().toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" known {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            ok       | fra  | fra
            ok       | none | und
            ??!!     | bam  | bam
            ''       | none | und
            none     | ses  | ses
            a 5 mn   | none | und
            ye       | bam  | bam
            """)
    void weakEvidenceFallsBackToTheKnownLanguage(String text, String known, String expected) {
        LanguageGuess guess = ID.identify(text, Language.fromCode(known));
        assertThat(guess.language().code()).isEqualTo(expected);
        assertThat(guess.method()).isEqualTo(LanguageGuess.FALLBACK);
    }

    @Test
    void strongEvidenceOverridesTheKnownLanguage() {
        LanguageGuess guess = ID.identify("les hommes armés ont brûlé l'école cette nuit", Optional.of(Language.BAM));
        assertThat(guess.language()).isEqualTo(Language.FRA);
        assertThat(guess.method()).isEqualTo(LanguageGuess.MODEL);
    }

    @Test
    void defaultModelLoadsFromTheClasspath() {
        NgramModel model = NgramModel.read(LanguageIdentifier.class.getResourceAsStream(LanguageIdentifier.DEFAULT_MODEL));
        assertThat(model.languages()).containsExactly(Language.FRA, Language.BAM, Language.SES, Language.FFM,
                Language.TAQ, Language.ENG);
        assertThat(model.maxOrder()).isEqualTo(5);
        assertThat(model.size()).isGreaterThan(10_000);
    }
}
