package org.kunnafoni.text.template;

import java.util.Objects;
import java.util.Set;

/**
 * One parsed template file.
 *
 * @param body      the mustache text after the header, NFC, without surrounding blank space
 * @param variables every name the body refers to, in {@code {{name}}} or in a section {@code {{#name}}}
 * @param note      free text from the header (e.g. who must review a translation), empty if none
 */
public record MessageTemplate(TemplateId id, String body, TemplateStatus status, Set<String> variables, String note) {
    public MessageTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        variables = Set.copyOf(variables);
        note = note == null ? "" : note;
    }

    /** A draft is shown in previews and checks but never sent. */
    public boolean sendable() {
        return status == TemplateStatus.APPROVED;
    }
}
