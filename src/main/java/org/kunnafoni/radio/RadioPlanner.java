package org.kunnafoni.radio;

import org.kunnafoni.text.template.Rendered;
import org.kunnafoni.text.template.TemplateException;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Turns a campaign into scripts on the partners' slots, each rendered in the partner's language. Pure. */
public final class RadioPlanner {
    public static final String KIND = "radio";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TemplateLibrary templates;
    private final ReadingTime reading;
    private final String hotline;
    private final Supplier<String> ids;
    private final RandomGenerator random;

    public RadioPlanner(TemplateLibrary templates, ReadingTime reading, String hotline, Supplier<String> ids,
                        RandomGenerator random) {
        this.templates = templates;
        this.reading = reading;
        this.hotline = hotline;
        this.ids = ids;
        this.random = random;
    }

    public RadioPlan plan(RadioCampaign campaign, List<RadioPartner> partners, Instant now) {
        return plan(campaign, partners, now, Map.of());
    }

    /** {@code verified}: leads verified per region over the last {@link TrendLine#DAYS} days, for the trend line. */
    public RadioPlan plan(RadioCampaign campaign, List<RadioPartner> partners, Instant now,
                          Map<String, Long> verified) {
        List<RadioScript> scripts = new ArrayList<>();
        List<RadioPlan.Gap> gaps = new ArrayList<>();
        for (RadioPartner partner : partners) {
            Optional<String> region = campaign.regions().stream().filter(partner.regions()::contains).findFirst();
            if (partner.revoked() || region.isEmpty()) {
                continue;
            }
            Optional<Language> language = partner.languages().stream()
                    .filter(campaign.languages()::contains).findFirst();
            if (language.isEmpty()) {
                gaps.add(gap(partner, "broadcasts in none of the campaign languages"));
                continue;
            }
            planPartner(campaign, partner, region.get(), language.get(), now, verified.getOrDefault(region.get(), 0L),
                    scripts, gaps);
        }
        return new RadioPlan(scripts, gaps);
    }

    private void planPartner(RadioCampaign campaign, RadioPartner partner, String region, Language language,
                             Instant now, long verified, List<RadioScript> scripts, List<RadioPlan.Gap> gaps) {
        Language scriptLanguage = templates.find(KIND, campaign.topic(), language)
                .map(t -> t.id().language()).orElse(language);
        String trend = TrendLine.sentence(scriptLanguage, regionName(region), verified).orElse("");
        List<AirTimes.Occurrence> slots = AirTimes.between(partner.slots(), campaign.first(), campaign.last(), now);
        if (slots.isEmpty()) {
            gaps.add(gap(partner, "no broadcast slot between " + campaign.first() + " and " + campaign.last()));
            return;
        }
        boolean fallbackReported = false;
        for (AirTimes.Occurrence slot : slots) {
            Rendered rendered;
            try {
                rendered = templates.render(KIND, campaign.topic(), language, variables(partner, region, slot, trend));
            } catch (TemplateException e) {
                // e.g. no sendable script, or no hotline configured (intake.hotline): nothing can be planned
                gaps.add(gap(partner, "cannot render " + campaign.topic() + " in " + language.code() + ": "
                        + e.getMessage()));
                return;
            }
            if (rendered.fallbackUsed() && !fallbackReported) {
                gaps.add(gap(partner, "no script in " + language.code() + "; the "
                        + rendered.id().language().code() + " script is sent"));
                fallbackReported = true;
            }
            scripts.add(script(campaign, partner, region, slot, rendered));
        }
    }

    private RadioScript script(RadioCampaign campaign, RadioPartner partner, String region, AirTimes.Occurrence slot,
                               Rendered rendered) {
        Language used = rendered.id().language();
        String spoken = ScriptSections.parse(rendered.text()).spoken();
        return new RadioScript(ids.get(), campaign.id(), partner.id(), campaign.topic(), used, region, slot.at(),
                slot.slot().length(), BroadcastCode.next(random), rendered.text(), reading.of(spoken, used),
                BroadcastStatus.PLANNED, Optional.empty(), Optional.empty());
    }

    private Map<String, String> variables(RadioPartner partner, String region, AirTimes.Occurrence slot,
                                          String trend) {
        return Map.of("station", partner.station(), "region", regionName(region), "hotline", hotline,
                "date", DATE.format(slot.at().atZone(AirTimes.BAMAKO)), "trend", trend);
    }

    /** Region slugs are ASCII names ("tombouctou"); on air the capitalised form is enough. */
    static String regionName(String slug) {
        return slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1);
    }

    private static RadioPlan.Gap gap(RadioPartner partner, String problem) {
        return new RadioPlan.Gap(partner.id(), partner.station(), problem);
    }
}
