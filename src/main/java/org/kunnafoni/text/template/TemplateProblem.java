package org.kunnafoni.text.template;

/**
 * Something wrong in the templates folder.
 *
 * @param where a template ({@code awareness/how_to_report/fra}) or a file path relative to the folder
 *              ({@code awareness/topics.yaml})
 */
public record TemplateProblem(String where, String message) {
    public static TemplateProblem of(TemplateId id, String message) {
        return new TemplateProblem(id.toString(), message);
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
