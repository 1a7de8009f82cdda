package org.kunnafoni.triage.violation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFallbackTest {
    private static final ViolationLexicon LEXICON = ViolationLexicon.loadDefault();
    private static final ViolationClassifier WITH_MODEL = ViolationClassifier.loadDefault();
    private static final ViolationClassifier LEXICON_ONLY = new ViolationClassifier(LEXICON);

    /** Explicit lexicon decisions (negation, context, greeting, adult-only) are never overturned by the model. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pas d'enfants tués dans l'attaque, seulement des dégâts | fra",
            "l'école est fermée pour la grève des enseignants | fra",
            "bonjour, envoyez moi du crédit svp | fra",
            "deux commerçants tués par des hommes armés hier | fra",
            "no children were hurt in the crossfire | eng",
            "i ni ce, wari ci n ma | bam",
    })
    void lexiconDecisionsKeepWinning(String text, String language) {
        Language lang = Language.fromCode(language).orElseThrow();
        assertThat(WITH_MODEL.classify(text, lang)).isEqualTo(LEXICON_ONLY.classify(text, lang));
        assertThat(WITH_MODEL.classify(text, lang).category()).isEqualTo(Category.NOT_RELEVANT);
    }

    /** Whatever the lexicon already decides stays exactly as it was. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "des hommes armés ont enlevé deux enfants à Gao | fra",
            "the school was burned by gunmen last night | eng",
    })
    void lexiconCategoriesAreUntouched(String text, String language) {
        Language lang = Language.fromCode(language).orElseThrow();
        assertThat(WITH_MODEL.classify(text, lang)).isEqualTo(LEXICON_ONLY.classify(text, lang));
    }

    @Test
    void aConfidentModelFillsTheGapAndSaysSo() {
        TriageModel model = new ModelTrainer(8, 0.5, 0.0005, 1).train(List.of(
                new TrainingExample(Category.DENIAL_HUMANITARIAN_ACCESS, "zorblat vrimmel quastin"),
                new TrainingExample(Category.NOT_RELEVANT, "plonk tasser wibbel")));
        ViolationClassifier classifier = new ViolationClassifier(LEXICON, new ModelFallback(model, 0.5));
        ViolationResult r = classifier.classify("zorblat vrimmel quastin", Language.UND);
        assertThat(r.category()).isEqualTo(Category.DENIAL_HUMANITARIAN_ACCESS);
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("model: denial_humanitarian_access ("));
        ViolationClassifier strict = new ViolationClassifier(LEXICON, new ModelFallback(model, 1.01));
        assertThat(strict.classify("zorblat vrimmel quastin", Language.UND).category())
                .isEqualTo(Category.NOT_RELEVANT);
    }

    @Test
    void modelFileRoundTripsAndTrainingIsDeterministic() throws Exception {
        List<TrainingExample> examples = List.of(
                new TrainingExample(Category.ABDUCTION, "ils ont enlevé les enfants"),
                new TrainingExample(Category.NOT_RELEVANT, "bonjour merci"));
        TriageModel a = new ModelTrainer(5, 0.5, 0.0005, 3).train(examples);
        TriageModel b = new ModelTrainer(5, 0.5, 0.0005, 3).train(examples);
        ByteArrayOutputStream bytesA = new ByteArrayOutputStream();
        ByteArrayOutputStream bytesB = new ByteArrayOutputStream();
        a.write(bytesA);
        b.write(bytesB);
        assertThat(bytesA.toByteArray()).isEqualTo(bytesB.toByteArray());
        TriageModel read = TriageModel.read(new ByteArrayInputStream(bytesA.toByteArray()));
        assertThat(read.predict("ils ont enlevé les enfants").category()).isEqualTo(Category.ABDUCTION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "les jihadistes recrutent les jeunes garçons | recruitment_use",
            "les camions d'aide sont bloqués à l'entrée de la ville | denial_humanitarian_access",
            "l'infirmier a été chassé par les hommes armés | attack_school_hospital",
            "bonjour, comment allez vous | not_relevant",
    })
    void shippedModelKnowsTheUsualSituations(String text, String category) {
        assertThat(TriageModel.loadDefault().predict(text).category().id()).isEqualTo(category);
    }

    @Test
    void smsVariantsKeepTheOriginalFirst() {
        List<String> v = SmsAugmentation.variants("Les enfants sont dans la brousse", new Random(1));
        assertThat(v.get(0)).isEqualTo("Les enfants sont dans la brousse");
        assertThat(v).contains("les enfts st ds la brousse");
    }
}
