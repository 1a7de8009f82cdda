package org.kunnafoni.lead;

import org.kunnafoni.triage.Language;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Leads as CSV for humanitarian tools: a header row, then a row of HXL hashtags (so HDX and the HXL Proxy read the
 * columns), then one row per lead. No personal data: no number, pseudonym, report text or staff name.
 */
public final class LeadExport {
    /** Column name → HXL hashtag, in order. */
    public static final List<Map.Entry<String, String>> COLUMNS = List.of(
            Map.entry("lead_id", "#meta+id"),
            Map.entry("date", "#date"),
            Map.entry("reported_at", "#date+reported"),
            Map.entry("last_report_at", "#date+last"),
            Map.entry("region", "#adm1+name"),
            Map.entry("place", "#loc+name"),
            Map.entry("sector", "#sector"),
            Map.entry("violation", "#event+type"),
            Map.entry("children", "#affected+children"),
            Map.entry("status", "#status"),
            Map.entry("priority", "#priority"),
            Map.entry("reports", "#meta+reports+num"),
            Map.entry("reporters", "#meta+reporters+num"),
            Map.entry("languages", "#meta+lang"),
            Map.entry("source", "#meta+source"));
    private static final String SECTOR = "Child Protection";
    private static final String SOURCE = "Kunnafoni community SMS alerts (unverified unless status is verified)";
    private static final Map<String, String> REGION_NAMES = Map.ofEntries(
            Map.entry("kayes", "Kayes"), Map.entry("koulikoro", "Koulikoro"), Map.entry("sikasso", "Sikasso"),
            Map.entry("segou", "Ségou"), Map.entry("mopti", "Mopti"), Map.entry("tombouctou", "Tombouctou"),
            Map.entry("gao", "Gao"), Map.entry("kidal", "Kidal"), Map.entry("taoudenit", "Taoudénit"),
            Map.entry("menaka", "Ménaka"), Map.entry("bamako", "Bamako"));

    private LeadExport() {
    }

    public static String csv(List<Lead> leads) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS.stream().map(Map.Entry::getKey).toList());
        line(out, COLUMNS.stream().map(Map.Entry::getValue).toList());
        leads.forEach(l -> line(out, row(l)));
        return out.toString();
    }

    static List<String> row(Lead l) {
        return List.of(l.id(), l.firstSeen().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                l.firstSeen().toString(), l.lastSeen().toString(),
                l.region() == null ? "" : REGION_NAMES.getOrDefault(l.region(), l.region()),
                l.place() == null ? "" : l.place(), SECTOR, l.category().id(),
                l.maxChildren() == null ? "" : l.maxChildren().toString(), l.status().id(), l.priority().id(),
                Integer.toString(l.reportCount()), Integer.toString(l.reporterCount()),
                l.languages().stream().map(Language::code).sorted().collect(Collectors.joining(" ")), SOURCE);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(LeadExport::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n')
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
