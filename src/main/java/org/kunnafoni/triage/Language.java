package org.kunnafoni.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The language groups the gateway tells apart (ISO 639-3 group codes, see DESIGN.md). */
public enum Language {
    FRA, BAM, SES, FFM, TAQ, ARA, ENG, UND;

    /** The identifier used in the API, exports, configuration and file names: {@code fra}, {@code bam}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code().equals(wanted)).findFirst();
    }
}
