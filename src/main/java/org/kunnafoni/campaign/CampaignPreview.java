package org.kunnafoni.campaign;

import org.kunnafoni.triage.Language;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * What a campaign would send and cost: each language's text (and its GSM-7 version), the recipients per region ×
 * language today, and the estimate recipients × segments × price per segment. Opt-outs after this moment and
 * quiet hours change who receives it, not the price of one message.
 */
public record CampaignPreview(List<CampaignText> texts, List<Recipients> recipients, long totalRecipients,
                              long totalSegments, BigDecimal pricePerSegment, String currency,
                              BigDecimal estimatedCost) {

    /** @param segments segments of the text this cell receives (the transliterated one when asked for) */
    public record Recipients(String region, Language language, long count, int segments) {
    }

    public static CampaignPreview compute(Map<Language, CampaignText> texts, Map<Audience.Cell, Long> counts,
                                          List<Audience.Cell> cells, BigDecimal pricePerSegment, String currency) {
        List<Recipients> rows = cells.stream().map(cell -> new Recipients(cell.region(), cell.language(),
                counts.getOrDefault(cell, 0L), texts.get(cell.language()).segments())).toList();
        long people = rows.stream().mapToLong(Recipients::count).sum();
        long segments = rows.stream().mapToLong(r -> r.count() * r.segments()).sum();
        BigDecimal cost = pricePerSegment.multiply(BigDecimal.valueOf(segments)).setScale(2, RoundingMode.HALF_UP);
        return new CampaignPreview(List.copyOf(texts.values()), rows, people, segments, pricePerSegment, currency, cost);
    }
}
