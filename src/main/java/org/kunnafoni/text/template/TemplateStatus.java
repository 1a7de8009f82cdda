package org.kunnafoni.text.template;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Review state written in a template's header; only an approved text is ever sent. */
public enum TemplateStatus {
    DRAFT, APPROVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TemplateStatus> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
