package org.kunnafoni.campaign;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.text.SmsEncoding;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.math.BigDecimal;
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
            // Bambara is a draft: French is sent, and the draft is shown for review
            "bam, false, fra, gsm7, 2, true",
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
            "3, 2, 0, 0.05,   10, 0.50",
            "0, 0, 0, 0.05,    0, 0.00",
            "1000, 500, 100, 0.0325, 3300, 107.25",
            "3, 2, 1, 0,      13, 0.00",
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

    @ParameterizedTest(name = "{0}: {1} segments as written, {2} transliterated")
    @CsvSource({"child_recruitment, ucs2, gsm7"})
    void theBambaraDraftTransliteratesToGsm7(String topic, String written, String transliterated) {
        CampaignText text = CampaignText.render(templates, topic, Map.of("hotline", "36000"), Language.BAM, true);
        String draft = text.draft().orElseThrow();
        assertThat(org.kunnafoni.text.SegmentCounter.count(draft).encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(written).isEqualTo("ucs2");
        assertThat(org.kunnafoni.text.SegmentCounter.count(
                org.kunnafoni.text.Gsm7Transliterator.transliterate(draft)).encoding().id()).isEqualTo(transliterated);
    }
}
