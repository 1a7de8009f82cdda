package org.kunnafoni.triage.place;

import java.util.Arrays;
import java.util.Optional;

/** Place kinds, ranked by how precisely they locate an incident. */
enum Kind {
    REGION(1), CERCLE(2), COMMUNE(3), TOWN(3), VILLAGE(4), NEIGHBOURHOOD(4);

    final int specificity;

    Kind(int specificity) {
        this.specificity = specificity;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<Kind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }

    static int specificity(String id) {
        return of(id).map(k -> k.specificity).orElse(0);
    }
}
