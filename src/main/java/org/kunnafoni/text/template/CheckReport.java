package org.kunnafoni.text.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link TemplateChecker#report}.
 *
 * @param rows  one per template file or missing required language, in topic then language order
 * @param other problems that belong to no row (the index file, stray files)
 */
public record CheckReport(String source, List<CheckRow> rows, List<TemplateProblem> other) {
    public CheckReport {
        rows = List.copyOf(rows);
        other = List.copyOf(other);
    }

    /** Every problem, those of the rows first. */
    public List<TemplateProblem> problems() {
        List<TemplateProblem> all = new ArrayList<>();
        rows.forEach(row -> row.problems().forEach(p -> all.add(TemplateProblem.of(row.id(), p))));
        all.addAll(other);
        return all;
    }

    public boolean passed() {
        return problems().isEmpty();
    }
}
