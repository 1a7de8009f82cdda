package org.kunnafoni.triage.place;

import java.util.List;
import java.util.Objects;

/**
 * A named place of the gazetteer.
 *
 * @param name      the usual written name ("Tin-Essako")
 * @param region    the region slug (kayes … bamako)
 * @param kind      region | cercle | commune | town | village | neighbourhood
 * @param variants  other spellings writers use
 * @param ambiguous the name is also an ordinary word or a person's name, so it needs evidence in the text
 */
public record Place(String name, String region, String kind, List<String> variants, boolean ambiguous) {
    public Place {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kind, "kind");
        variants = List.copyOf(variants);
    }
}
