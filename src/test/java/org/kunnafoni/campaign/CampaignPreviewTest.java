package org.kunnafoni.campaign;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.text.SmsEncoding;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Preview texts and cost = recipients × segments × price, with and without transliteration. */
class CampaignPreviewTest {
    private static final Map<String, String> VARIABLES = Map.of("hotline", "36000", "organisation", "Kunnafoni");
    static TemplateLibrary templates;

    @BeforeAll
    static void load() {
        templates = TemplateLibrary.loadDefault();
    }

    @ParameterizedTest(name = "{0} transliterate={1}: sends {2}, {3} {4} segments")
    @CsvSource({
            // Bambara is approved: its own text goes out, UCS-2 as written, GSM-7 when transliterated
            "bam, false, bam, ucs2, 3, false",
            "bam, true,  bam, gsm7, 2, false",
            "fra, false, fra, gsm7, 2, false",
            "ara, false, ara, ucs2, 3, false",
            // Arabic has no GSM-7 form: the flag is ignored rather than sending question marks
            "ara, true,  ara, ucs2, 3, false",
            "eng, true,  eng, gsm7, 2, false",
    })
    void eachLanguageIsRenderedOnce(String code, boolean transliterate, String sent, String encoding, int segments,
                                    boolean draftShown) {
        Language language = Language.fromCode(code).orElseThrow();
        CampaignText text = CampaignText.render(templates, "how_to_report", VARIABLES, language, transliterate);
        assertThat(text.sentLanguage().code()).isEqualTo(sent);
        assertThat(text.segments()).isEqualTo(segments);
        assertThat(encodingOf(text)).isEqualTo(encoding);
        assertThat(text.draft().isPresent()).isEqualTo(draftShown);
        assertThat(text.body()).contains("36000").doesNotContain("{{");
    }

    private static String encodingOf(CampaignText text) {
        return (text.sendsTransliteration() ? text.transliteratedCost() : text.cost()).encoding().id();
    }

    @ParameterizedTest(name = "gao/bam {0} + mopti/fra {1} + mopti/ara {2} at {3} → {4} segments, {5}")
    @CsvSource({
            "3, 2, 0, 0.05,   13, 0.65",
            "0, 0, 0, 0.05,    0, 0.00",
            "1000, 500, 100, 0.0325, 4300, 139.75",
            "3, 2, 1, 0,      16, 0.00",
    })
    void costIsRecipientsTimesSegmentsTimesPrice(long gaoBam, long moptiFra, long moptiAra, String price,
                                                 long segments, String cost) {
        List<Language> languages = List.of(Language.BAM, Language.FRA, Language.ARA);
        Map<Language, CampaignText> texts = CampaignText.renderAll(templates, "how_to_report", VARIABLES, languages,
                false);
        List<Audience.Cell> cells = Audience.Cell.of(List.of("gao", "mopti"), languages);
        Map<Audience.Cell, Long> counts = Map.of(new Audience.Cell("gao", Language.BAM), gaoBam,
                new Audience.Cell("mopti", Language.FRA), moptiFra, new Audience.Cell("mopti", Language.ARA), moptiAra);
        CampaignPreview preview = CampaignPreview.compute(texts, counts, cells, new BigDecimal(price), "USD");
        assertThat(preview.recipients()).hasSize(6);
        assertThat(preview.totalRecipients()).isEqualTo(gaoBam + moptiFra + moptiAra);
        assertThat(preview.totalSegments()).isEqualTo(segments);
        assertThat(preview.estimatedCost()).isEqualByComparingTo(cost);
    }

    @ParameterizedTest(name = "{0}: {1} as written, {2} transliterated")
    @CsvSource({"child_recruitment, ucs2, gsm7", "help_after_sexual_violence, ucs2, gsm7"})
    void theBambaraTextTransliteratesToGsm7(String topic, String written, String transliterated) {
        CampaignText text = CampaignText.render(templates, topic, Map.of("hotline", "36000"), Language.BAM, true);
        assertThat(text.sentLanguage()).isEqualTo(Language.BAM);
        assertThat(text.cost().encoding().id()).isEqualTo(written);
        assertThat(text.transliteratedCost().encoding().id()).isEqualTo(transliterated);
        assertThat(text.transliterationUsable()).isTrue();
        assertThat(text.body()).isEqualTo(text.transliterated()).doesNotContain("ɛ", "ɔ", "ɲ", "ŋ");
    }

    /** A draft (test fixture, not the shipped files) is shown to reviewers and never sent: French goes out. */
    @org.junit.jupiter.api.Test
    void aDraftIsShownForReviewAndFrenchIsSent(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve(CampaignRequests.KIND));
        Files.writeString(dir.resolve("topics.yaml"), """
                variables:
                  hotline: {sample: "+223 20 20 20 20", max-length: 16}
                defaults:
                  variables: [hotline]
                  required-languages: [fra]
                  fallbacks: {bam: fra}
                  must-use: [hotline]
                topics:
                  greet:
                """);
        Files.createDirectories(dir.resolve("greet"));
        Files.writeString(dir.resolve("greet/fra.txt"), "---\nstatus: approved\n---\nEcrivez au {{hotline}}. STOP\n");
        Files.writeString(dir.resolve("greet/bam.txt"), "---\nstatus: draft\n---\nBataki ci {{hotline}} ma. STOP\n");
        CampaignText text = CampaignText.render(TemplateLibrary.load(root), "greet", Map.of("hotline", "36000"),
                Language.BAM, false);
        assertThat(text.sentLanguage()).isEqualTo(Language.FRA);
        assertThat(text.body()).isEqualTo("Ecrivez au 36000. STOP");
        assertThat(text.draft()).contains("Bataki ci 36000 ma. STOP");
    }
}
