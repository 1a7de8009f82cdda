package org.kunnafoni.text.template;

import org.kunnafoni.text.SegmentCount;
import org.kunnafoni.triage.Language;

import java.util.List;
import java.util.Optional;

/**
 * One line of the check table: a template file, or a required language that has none.
 *
 * @param status   {@code approved}, {@code draft}, {@code broken} (does not parse) or {@code missing}
 * @param sentAs   the language whose approved text is sent for this one (itself, a fallback, or none)
 * @param cost     the file's own text rendered with every variable at its maximum length
 * @param problems what is wrong with this row; empty when it passes
 */
public record CheckRow(TemplateId id, String status, Optional<Language> sentAs, Optional<SegmentCount> cost,
                       List<String> problems) {
    public CheckRow {
        problems = List.copyOf(problems);
    }
}
