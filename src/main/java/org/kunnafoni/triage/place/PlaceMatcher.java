package org.kunnafoni.triage.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the places of the gazetteer mentioned in a text: on folded words, longest name first, tolerant
 * to typos in longer names, and strict about names that are also ordinary words (they need evidence).
 */
public final class PlaceMatcher {
    /** Words between an ambiguous name and a place of the same region that vouches for it ("Boni, Douentza"). */
    static final int CONTEXT_WORDS = 5;

    private final Gazetteer gazetteer;
    private final PlaceIndex index;

    public PlaceMatcher(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.index = new PlaceIndex(gazetteer);
    }

    /** All places mentioned, in text order. */
    public List<PlaceMatch> find(String text) {
        return scan(text).stream().map(Found::match).toList();
    }

    /** The most specific, most confident place; with places of several regions, one after a locative cue. */
    public Optional<PlaceMatch> best(String text) {
        return BestPlace.choose(scan(text)).map(Found::match);
    }

    List<Found> scan(String text) {
        FoldedText folded = FoldedText.of(text);
        Evidence evidence = new Evidence(folded, gazetteer.cues());
        List<Candidate> candidates = candidates(folded);
        FormChooser chooser = new FormChooser(folded, evidence);
        List<Found> clear = select(chooser.clear(candidates), List.of());
        List<Found> all = new ArrayList<>(clear);
        all.addAll(select(chooser.ambiguous(candidates, clear), clear));
        all.sort(Comparator.comparingInt(Found::from));
        return all;
    }

    private List<Candidate> candidates(FoldedText text) {
        TypoWords typoWords = new TypoWords(text, gazetteer.commonWords(), index);
        List<Candidate> out = new ArrayList<>();
        for (int from = 0; from < text.size(); from++) {
            for (int words = Math.min(index.maxWords(), text.size() - from); words >= 1; words--) {
                int to = from + words;
                if (text.keyLength(from, to) > index.longestReach()) {
                    continue; // longer than any name, even with typos: most windows of several words
                }
                String key = text.key(from, to);
                List<PlaceForm> exact = index.exact(key, words);
                if (!exact.isEmpty()) {
                    out.add(new Candidate(from, to, exact, 0));
                } else if (mayBeTypo(key) && typoWords.mayBeTypo(from, to)) {
                    PlaceIndex.Fuzzy fuzzy = index.closest(key, words);
                    if (!fuzzy.forms().isEmpty()) {
                        out.add(new Candidate(from, to, fuzzy.forms(), fuzzy.distance()));
                    }
                }
            }
        }
        return out;
    }

    // Long enough to tell a typo from another word, and not written exactly as a name.
    private boolean mayBeTypo(String key) {
        return key.length() >= PlaceIndex.FUZZY_MIN_LENGTH && !index.isKey(key);
    }

    // Greedy: exact before typo, longer before shorter, then more confident, then earlier.
    private static List<Found> select(List<Found> found, List<Found> taken) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((Found f) -> f.match().fuzzy())
                .thenComparing(Comparator.comparingInt((Found f) -> f.to() - f.from()).reversed())
                .thenComparing(Comparator.comparingDouble((Found f) -> f.match().score()).reversed())
                .thenComparingInt(Found::from));
        List<Found> chosen = new ArrayList<>();
        for (Found f : sorted) {
            if (taken.stream().noneMatch(f::overlaps) && chosen.stream().noneMatch(f::overlaps)) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    static Set<String> regions(List<PlaceForm> forms) {
        return forms.stream().map(f -> f.place().region()).collect(Collectors.toSet());
    }
}
