package org.kunnafoni.triage.place;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Written forms by key for exact look-up, and the forms that may be reached through a typo. */
final class PlaceIndex {
    static final int FUZZY_MIN_LENGTH = 5;

    private final Map<String, List<PlaceForm>> byKey = new HashMap<>();
    private final Map<Character, List<PlaceForm>> fuzzyByFirstLetter = new HashMap<>();
    private final int maxWords;

    PlaceIndex(Gazetteer gazetteer) {
        int words = 1;
        for (PlaceForm form : gazetteer.forms()) {
            byKey.computeIfAbsent(form.key(), k -> new ArrayList<>()).add(form);
            words = Math.max(words, form.words());
        }
        // Ambiguous names are never reached through a typo, nor names too short to tell a typo from another word.
        for (PlaceForm form : gazetteer.forms()) {
            if (form.need() == Need.NONE && form.key().length() >= FUZZY_MIN_LENGTH && !hasDigit(form.key())) {
                fuzzyByFirstLetter.computeIfAbsent(form.key().charAt(0), k -> new ArrayList<>()).add(form);
            }
        }
        this.maxWords = words;
    }

    /** Forms written exactly as the window; a one-word name only matches a one-word window. */
    List<PlaceForm> exact(String key, int windowWords) {
        return byKey.getOrDefault(key, List.of()).stream()
                .filter(f -> f.words() >= 2 || windowWords == 1)
                .toList();
    }

    boolean isKey(String key) {
        return byKey.containsKey(key);
    }

    /** The closest forms within the allowed number of typos (1 for 5–8 letters, 2 from 9), and that distance. */
    Fuzzy closest(String key, int windowWords) {
        int best = Integer.MAX_VALUE;
        List<PlaceForm> closest = new ArrayList<>();
        for (PlaceForm form : fuzzyByFirstLetter.getOrDefault(key.charAt(0), List.of())) {
            if (form.words() != windowWords && windowWords != 1) {
                continue;
            }
            int allowed = allowedTypos(form.key());
            int d = EditDistance.bounded(key, form.key(), allowed);
            if (d <= allowed && d > 0 && d <= best) {
                if (d < best) {
                    closest.clear();
                    best = d;
                }
                closest.add(form);
            }
        }
        return new Fuzzy(closest, best);
    }

    int maxWords() {
        return maxWords;
    }

    static int allowedTypos(String key) {
        return key.length() >= 9 ? 2 : key.length() >= FUZZY_MIN_LENGTH ? 1 : 0;
    }

    private static boolean hasDigit(String key) {
        return key.chars().anyMatch(Character::isDigit);
    }

    record Fuzzy(List<PlaceForm> forms, int distance) {
    }
}
