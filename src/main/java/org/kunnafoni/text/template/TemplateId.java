package org.kunnafoni.text.template;

import org.kunnafoni.triage.Language;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one template file: {@code message-templates/<kind>/<topic>/<language>.txt} ({@code .md} for radio).
 *
 * @param kind     {@code awareness} (prevention SMS) or {@code radio} (scripts read on air)
 * @param topic    a slug such as {@code how_to_report}
 * @param language the language the text is written in
 */
public record TemplateId(String kind, String topic, Language language) {
    /** The kinds of outbound text this library holds; replies to inbound messages live elsewhere. */
    public static final List<String> KINDS = List.of("awareness", "radio");
    static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]*");

    public TemplateId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(language, "language");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ": " + kind);
        }
        if (!SLUG.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must be a lowercase slug: " + topic);
        }
    }

    /** The file path relative to the templates folder, always with '/'. */
    public String path() {
        return kind + "/" + topic + "/" + language.code() + extension(kind);
    }

    /** Radio scripts are Markdown (sections marked by {@code ##} lines, printed for the presenter); SMS are text. */
    public static String extension(String kind) {
        return "radio".equals(kind) ? ".md" : ".txt";
    }

    /** {@code awareness/how_to_report/fra}: used in problems, logs and the check table. */
    @Override
    public String toString() {
        return kind + "/" + topic + "/" + language.code();
    }
}
