package org.kunnafoni.triage.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NgramTrainerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            les enfants de la ville       | fra
            the children of the town      | eng
            LES ENFANTS                   | fra
            """)
    void aTinyModelSurvivesTheRoundTrip(String text, String expected) throws IOException {
        NgramTrainer trainer = new NgramTrainer(List.of(Language.FRA, Language.ENG), 4);
        trainer.add(Language.FRA, "les enfants sont dans la ville avec les parents de la famille", 1);
        trainer.add(Language.ENG, "the children are in the town with the parents of the family", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NgramTrainer.Summary summary = trainer.write(out, 0.1, 1, 0.05f);
        LanguageIdentifier identifier = LanguageIdentifier.load(new ByteArrayInputStream(out.toByteArray()));

        assertThat(summary.kept()).isEqualTo(summary.counted());
        assertThat(identifier.identify(text, Optional.empty()).language().code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} has variant {2}")
    @CsvSource(delimiter = '|', textBlock = """
            fra | Bonjour, les enfants sont dans la cour s'il vous plaît | bjr les enfts sont ds la cour svp
            fra | C'est pour quand ?                                      | c pr qd
            eng | Thanks, please tell your people                        | thx pls tell ur ppl
            bam | Cɛ marifatigiw ye denmisɛnw minɛ                        | ce marifatigiw ye denmisenw mine
            bam | Ɲɔgɔn kɛlɛ bɛ dugu kɔnɔ                                  | gnogon kele be dougou kono
            ffm | Sukaaɓe ɗiɗi ngoni e wuro                                | soukabe didi ngoni e wouro
            taq | Addinat ǝn kel ǝsalan ăllaɣen                            | addinat en kel esalan allaghen
            """)
    void smsVariantsSpellLikePhones(String language, String raw, String variant) {
        assertThat(SmsVariants.of(Language.fromCode(language).orElseThrow(), raw)).contains(variant);
    }
}
