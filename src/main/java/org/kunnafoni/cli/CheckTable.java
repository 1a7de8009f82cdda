package org.kunnafoni.cli;

import org.kunnafoni.text.template.CheckReport;
import org.kunnafoni.text.template.CheckRow;
import org.kunnafoni.text.template.TemplateProblem;
import org.kunnafoni.triage.Language;

import java.util.ArrayList;
import java.util.List;

/** Plain-text table of a template check, aligned for a terminal and easy to grep. */
final class CheckTable {
    private static final List<String> HEADER = List.of("TOPIC", "LANG", "STATUS", "SENDS", "ENCODING", "SEGMENTS", "UNITS", "PROBLEMS");

    private CheckTable() {
    }

    static String format(CheckReport report) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        report.rows().forEach(row -> lines.add(cells(row)));
        int[] widths = widths(lines);
        StringBuilder text = new StringBuilder("templates: ").append(report.source()).append('\n');
        lines.forEach(cells -> text.append(line(cells, widths)).append('\n'));
        for (TemplateProblem problem : report.other()) {
            text.append("problem: ").append(problem).append('\n');
        }
        int count = report.problems().size();
        text.append(report.rows().size()).append(" rows, ").append(count)
                .append(count == 1 ? " problem" : " problems").append('\n');
        return text.toString();
    }

    private static List<String> cells(CheckRow row) {
        return List.of(row.id().kind() + "/" + row.id().topic(), row.id().language().code(), row.status(),
                row.sentAs().map(Language::code).orElse("-"),
                row.cost().map(c -> c.encoding().id()).orElse("-"),
                row.cost().map(c -> String.valueOf(c.segments())).orElse("-"),
                row.cost().map(c -> String.valueOf(c.units())).orElse("-"),
                row.problems().isEmpty() ? "ok" : String.join("; ", row.problems()));
    }

    private static int[] widths(List<List<String>> lines) {
        int[] widths = new int[HEADER.size()];
        for (List<String> cells : lines) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        return widths;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            boolean last = i == cells.size() - 1;
            line.append(last ? cells.get(i) : String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        return line.toString();
    }
}
