package org.kunnafoni.campaign;

import org.kunnafoni.text.Gsm7Transliterator;
import org.kunnafoni.text.SegmentCount;
import org.kunnafoni.text.SegmentCounter;
import org.kunnafoni.text.template.Rendered;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.text.template.TemplateStatus;
import org.kunnafoni.triage.Language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of one campaign in one language, rendered once for every recipient of that language, with its
 * GSM-7 transliteration and both costs. The transliteration is sent only when the campaign asks for it and it
 * loses no letter: Arabic or Tifinagh would come out as question marks, so those languages keep their own text.
 *
 * @param sentLanguage the language of the template actually used (French after a fallback)
 * @param draft        the language's own draft text, rendered for reviewers; never sent
 */
public record CampaignText(Language language, Language sentLanguage, String text, SegmentCount cost,
                           String transliterated, SegmentCount transliteratedCost, boolean transliterate,
                           Optional<String> draft) {

    /** What goes out. */
    public String body() {
        return sendsTransliteration() ? transliterated : text;
    }

    public int segments() {
        return sendsTransliteration() ? transliteratedCost.segments() : cost.segments();
    }

    /** True when every character has a GSM-7 form (the transliterator writes '?' for one that has none). */
    public boolean transliterationUsable() {
        return questionMarks(transliterated) == questionMarks(text);
    }

    public boolean sendsTransliteration() {
        return transliterate && transliterationUsable();
    }

    private static long questionMarks(String s) {
        return s.chars().filter(c -> c == '?').count();
    }

    /** Renders every language; throws {@link org.kunnafoni.text.template.TemplateException} like the library. */
    public static Map<Language, CampaignText> renderAll(TemplateLibrary templates, String topic,
                                                        Map<String, String> variables, List<Language> languages,
                                                        boolean transliterate) {
        Map<Language, CampaignText> out = new LinkedHashMap<>();
        for (Language language : languages) {
            out.put(language, render(templates, topic, variables, language, transliterate));
        }
        return out;
    }

    static CampaignText render(TemplateLibrary templates, String topic, Map<String, String> variables,
                               Language language, boolean transliterate) {
        Rendered rendered = templates.render(CampaignRequests.KIND, topic, language, variables);
        String gsm7 = Gsm7Transliterator.transliterate(rendered.text());
        Optional<String> draft = templates.topic(CampaignRequests.KIND, topic)
                .flatMap(spec -> templates.get(spec.id(language)))
                .filter(t -> t.status() == TemplateStatus.DRAFT)
                .flatMap(t -> draftText(templates, t.id(), variables));
        return new CampaignText(language, rendered.id().language(), rendered.text(), rendered.cost(), gsm7,
                SegmentCounter.count(gsm7), transliterate, draft);
    }

    /** A draft may use variables the approved text does not; reviewers then see no draft rather than an error. */
    private static Optional<String> draftText(TemplateLibrary templates, org.kunnafoni.text.template.TemplateId id,
                                              Map<String, String> variables) {
        try {
            return Optional.of(templates.preview(id, variables).text());
        } catch (org.kunnafoni.text.template.TemplateException e) {
            return Optional.empty();
        }
    }
}
