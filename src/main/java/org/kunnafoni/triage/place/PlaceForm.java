package org.kunnafoni.triage.place;

import org.kunnafoni.triage.TextNormalizer;

import java.util.List;

/**
 * One written form of a place (its name or a variant), with its comparison key: the folded words
 * joined without separators, so "Tin-Essako", "Tin Essako" and "Tinessako" share one key.
 */
record PlaceForm(Place place, String form, boolean canonical, Need need, String key, int words) {

    static PlaceForm of(Place place, String form, boolean canonical, Need need) {
        List<String> tokens = TextNormalizer.tokens(TextNormalizer.fold(form));
        return new PlaceForm(place, form, canonical, need, String.join("", tokens), tokens.size());
    }
}
