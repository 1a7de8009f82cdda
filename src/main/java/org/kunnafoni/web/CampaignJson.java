package org.kunnafoni.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kunnafoni.campaign.Campaign;
import org.kunnafoni.campaign.CampaignPreview;
import org.kunnafoni.campaign.CampaignText;
import org.kunnafoni.campaign.Campaigns;
import org.kunnafoni.campaign.RunProgress;
import org.kunnafoni.campaign.Schedule;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.text.SegmentCount;
import org.kunnafoni.triage.Language;

import java.math.BigDecimal;

/** Campaigns, previews and progress as the JSON of the campaigns API. */
final class CampaignJson {
    private CampaignJson() {
    }

    static JsonObject campaign(Campaign c) {
        JsonObject schedule = c.schedule() instanceof Schedule.OneOff o ? new JsonObject().put("at", o.at().toString())
                : recurring((Schedule.Recurring) c.schedule());
        JsonObject variables = new JsonObject();
        c.variables().forEach(variables::put);
        JsonObject out = new JsonObject().put("id", c.id()).put("topic", c.topic()).put("variables", variables)
                .put("regions", new JsonArray(c.regions()))
                .put("languages", new JsonArray(c.languages().stream().map(Language::code).toList()))
                .put("schedule", schedule).put("validity_seconds", c.validity().toSeconds())
                .put("transliterate", c.transliterate()).put("status", c.status().id())
                .put("created_by", c.createdBy()).put("created_at", c.createdAt().toString())
                .put("channel", c.channel().id());
        c.channel().device().ifPresent(d -> out.put("device", d));
        return out;
    }

    private static JsonObject recurring(Schedule.Recurring r) {
        JsonObject out = new JsonObject().put("cron", r.cron()).put("zone", Schedule.BAMAKO.getId());
        r.until().ifPresent(u -> out.put("until", u.toString()));
        return out;
    }

    static JsonObject preview(CampaignPreview p) {
        JsonArray texts = new JsonArray();
        p.texts().forEach(t -> texts.add(text(t)));
        JsonArray recipients = new JsonArray();
        p.recipients().forEach(r -> recipients.add(new JsonObject().put("region", r.region())
                .put("language", r.language().code()).put("recipients", r.count()).put("segments", r.segments())));
        return new JsonObject().put("texts", texts).put("recipients", recipients)
                .put("total_recipients", p.totalRecipients()).put("total_segments", p.totalSegments())
                .put("price_per_segment", p.pricePerSegment().toPlainString()).put("currency", p.currency())
                .put("estimated_cost", p.estimatedCost().toPlainString());
    }

    private static JsonObject text(CampaignText t) {
        JsonObject out = new JsonObject().put("language", t.language().code())
                .put("sent_language", t.sentLanguage().code()).put("fallback_used", t.sentLanguage() != t.language())
                .put("text", t.text()).put("cost", cost(t.cost()))
                .put("transliterated", new JsonObject().put("text", t.transliterated())
                        .put("cost", cost(t.transliteratedCost())).put("usable", t.transliterationUsable()))
                .put("sends_transliteration", t.sendsTransliteration()).put("segments_sent", t.segments());
        t.draft().ifPresent(d -> out.put("draft", new JsonObject().put("text", d)
                .put("note", "draft: shown for review, never sent")));
        return out;
    }

    private static JsonObject cost(SegmentCount c) {
        return new JsonObject().put("encoding", c.encoding().id()).put("segments", c.segments()).put("units", c.units());
    }

    static JsonObject view(Campaigns.View v) {
        JsonArray runs = new JsonArray();
        v.runs().forEach(r -> runs.add(new JsonObject().put("id", r.run().id()).put("due", r.run().due().toString())
                .put("status", r.run().status().id()).put("progress", progress(r.progress(), v.pricePerSegment(),
                        v.currency()))));
        return campaign(v.campaign()).put("runs", runs)
                .put("progress", progress(v.total(), v.pricePerSegment(), v.currency()));
    }

    static JsonObject progress(RunProgress p, BigDecimal price, String currency) {
        JsonObject states = new JsonObject();
        for (DispatchState s : DispatchState.values()) {
            states.put(s.id(), p.count(s));
        }
        JsonObject reasons = new JsonObject();
        p.failedByReason().forEach(reasons::put);
        return new JsonObject().put("planned", p.planned()).put("pending", p.pending())
                .put("skipped_opted_out", p.count(DispatchState.SKIPPED_OPTED_OUT))
                .put("deferred_quiet_hours", p.count(DispatchState.DEFERRED)).put("ever_deferred", p.everDeferred())
                .put("sent", p.sent()).put("delivered", p.count(DispatchState.DELIVERED))
                .put("failed", p.count(DispatchState.FAILED) + p.count(DispatchState.UNDELIVERED))
                .put("failed_by_reason", reasons).put("canceled", p.count(DispatchState.CANCELED))
                .put("expired", p.count(DispatchState.EXPIRED))
                .put("by_state", states).put("segments", p.segments())
                .put("estimated_cost", p.estimatedCost(price).toPlainString()).put("currency", currency);
    }
}
