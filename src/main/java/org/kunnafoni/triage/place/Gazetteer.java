package org.kunnafoni.triage.place;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Mali's regions, cercles, communes, towns, villages and Bamako's neighbourhoods with their spellings,
 * read from YAML so that a newer administrative map is a data change ({@code config/gazetteer.yaml}).
 */
public final class Gazetteer {
    private static final String DEFAULT = "/config/gazetteer.yaml";

    private final List<String> regions;
    private final List<Place> places;
    private final List<PlaceForm> forms;
    private final Cues cues;
    private final Set<String> commonWords;

    Gazetteer(List<String> regions, List<Place> places, List<PlaceForm> forms, Cues cues, Set<String> commonWords) {
        this.regions = List.copyOf(regions);
        this.places = List.copyOf(places);
        this.forms = List.copyOf(forms);
        this.cues = cues;
        this.commonWords = Set.copyOf(commonWords);
    }

    public static Gazetteer loadDefault() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer not on the class path: " + DEFAULT);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException listing every problem of the file (unknown region slug, empty name…) */
    public static Gazetteer parse(InputStream yaml) {
        return new GazetteerParser().parse(yaml);
    }

    /** Region slugs in file order. */
    public List<String> regions() {
        return regions;
    }

    /** Every place, regions included, in file order. */
    public List<Place> places() {
        return places;
    }

    List<PlaceForm> forms() {
        return forms;
    }

    Cues cues() {
        return cues;
    }

    Set<String> commonWords() {
        return commonWords;
    }
}
