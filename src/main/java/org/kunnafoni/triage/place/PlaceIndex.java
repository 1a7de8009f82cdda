package org.kunnafoni.triage.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Written forms by key for exact look-up, and the forms that may be reached through a typo. */
final class PlaceIndex {
    static final int FUZZY_MIN_LENGTH = 5;
    private static final int MAX_TYPOS = 2;

    private final Map<String, List<PlaceForm>> byKey = new HashMap<>();
    private final Map<String, List<PlaceForm>> multiWordByKey = new HashMap<>();
    /** Fuzzy forms by first letter, for one-word windows ("Tinessako" may be a typo of "Tin-Essako"). */
    private final Map<Character, FuzzyBucket> fuzzyByFirstLetter = new HashMap<>();
    /** Fuzzy forms by word count and first letter, for windows of several words, which match as many words. */
    private final Map<String, FuzzyBucket> fuzzyByWordsAndFirstLetter = new HashMap<>();
    private final int maxWords;
    private final int longestReach;

    PlaceIndex(Gazetteer gazetteer) {
        int words = 1;
        int reach = 0;
        List<PlaceForm> forms = gazetteer.forms();
        for (PlaceForm form : forms) {
            byKey.computeIfAbsent(form.key(), k -> new ArrayList<>()).add(form);
            if (form.words() >= 2) {
                multiWordByKey.computeIfAbsent(form.key(), k -> new ArrayList<>()).add(form);
            }
            words = Math.max(words, form.words());
            reach = Math.max(reach, form.key().length());
        }
        // Ambiguous names are never reached through a typo, nor names too short to tell a typo from another word.
        for (int i = 0; i < forms.size(); i++) {
            PlaceForm form = forms.get(i);
            if (form.need() == Need.NONE && form.key().length() >= FUZZY_MIN_LENGTH && !hasDigit(form.key())) {
                FuzzyForm fuzzy = new FuzzyForm(form, i, form.key(), allowedTypos(form.key()), LetterSet.of(form.key()));
                fuzzyByFirstLetter.computeIfAbsent(form.key().charAt(0), k -> new FuzzyBucket()).add(fuzzy);
                fuzzyByWordsAndFirstLetter.computeIfAbsent(bucketKey(form.words(), form.key()), k -> new FuzzyBucket())
                        .add(fuzzy);
                reach = Math.max(reach, form.key().length() + allowedTypos(form.key()));
            }
        }
        this.maxWords = words;
        this.longestReach = reach;
    }

    /** Forms written exactly as the window; a one-word name only matches a one-word window. */
    List<PlaceForm> exact(String key, int windowWords) {
        return (windowWords == 1 ? byKey : multiWordByKey).getOrDefault(key, List.of());
    }

    boolean isKey(String key) {
        return byKey.containsKey(key);
    }

    /** The closest forms within the allowed number of typos (1 for 5–8 letters, 2 from 9), and that distance. */
    Fuzzy closest(String key, int windowWords) {
        FuzzyBucket bucket = windowWords == 1 ? fuzzyByFirstLetter.get(key.charAt(0))
                : fuzzyByWordsAndFirstLetter.get(bucketKey(windowWords, key));
        if (bucket == null) {
            return new Fuzzy(List.of(), Integer.MAX_VALUE);
        }
        long letters = LetterSet.of(key);
        int best = Integer.MAX_VALUE;
        List<FuzzyForm> closest = new ArrayList<>();
        for (int length = key.length() - MAX_TYPOS; length <= key.length() + MAX_TYPOS; length++) {
            for (FuzzyForm candidate : bucket.ofLength(length)) {
                int allowed = candidate.allowed();
                if (LetterSet.surelyFurther(letters, candidate.letters(), allowed)) {
                    continue;
                }
                int d = EditDistance.bounded(key, candidate.key(), allowed);
                if (d <= allowed && d > 0 && d <= best) {
                    if (d < best) {
                        closest.clear();
                        best = d;
                    }
                    closest.add(candidate);
                }
            }
        }
        if (closest.isEmpty()) {
            return new Fuzzy(List.of(), best);
        }
        // Ties go to file order, as FormChooser expects.
        closest.sort(Comparator.comparingInt(FuzzyForm::order));
        return new Fuzzy(closest.stream().map(FuzzyForm::form).toList(), best);
    }

    int maxWords() {
        return maxWords;
    }

    /** The longest window key that can still match a form, exactly or through typos. */
    int longestReach() {
        return longestReach;
    }

    static int allowedTypos(String key) {
        return key.length() >= 9 ? MAX_TYPOS : key.length() >= FUZZY_MIN_LENGTH ? 1 : 0;
    }

    private static String bucketKey(int words, String key) {
        return words + ":" + key.charAt(0);
    }

    private static boolean hasDigit(String key) {
        return key.chars().anyMatch(Character::isDigit);
    }

    record Fuzzy(List<PlaceForm> forms, int distance) {
    }

    /**
     * A form reachable through typos, its position in the gazetteer, and what the typo check reads, kept
     * together so that ruling a form out touches nothing else.
     */
    private record FuzzyForm(PlaceForm form, int order, String key, int allowed, long letters) {
    }

    /** Fuzzy forms of one first letter by key length: a typo changes the length by at most the edits allowed. */
    private static final class FuzzyBucket {
        private final List<List<FuzzyForm>> byLength = new ArrayList<>();

        void add(FuzzyForm form) {
            int length = form.key().length();
            while (byLength.size() <= length) {
                byLength.add(new ArrayList<>());
            }
            byLength.get(length).add(form);
        }

        List<FuzzyForm> ofLength(int length) {
            return length >= 0 && length < byLength.size() ? byLength.get(length) : List.of();
        }
    }
}
