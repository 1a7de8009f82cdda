package org.kunnafoni.triage.place;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Place kinds, ranked by how precisely they locate an incident. */
enum Kind {
    REGION(1), CERCLE(2), COMMUNE(3), TOWN(3), VILLAGE(4), NEIGHBOURHOOD(4);

    final int specificity;
    private final String id;

    Kind(int specificity) {
        this.specificity = specificity;
        this.id = name().toLowerCase(java.util.Locale.ROOT);
    }

    String id() {
        return id;
    }

    // Looked up for every comparison of forms, so by map rather than by scanning the values.
    private static final Map<String, Kind> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Kind::id, k -> k));

    static Optional<Kind> of(String id) {
        return Optional.ofNullable(byId(id));
    }

    static int specificity(String id) {
        Kind kind = byId(id);
        return kind == null ? 0 : kind.specificity;
    }

    private static Kind byId(String id) {
        return id == null ? null : BY_ID.get(id);
    }
}
