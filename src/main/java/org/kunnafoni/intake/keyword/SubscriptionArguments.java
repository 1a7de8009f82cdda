package org.kunnafoni.intake.keyword;

import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the words after a subscribe keyword: a region and a language in any order, fillers skipped. */
final class SubscriptionArguments {
    record Parsed(Optional<String> region, Optional<Language> language, List<String> unrecognised) {
    }

    private final PhraseIndex<String> regions = new PhraseIndex<>();
    private final PhraseIndex<Language> languages = new PhraseIndex<>();
    private final PhraseIndex<Object> fillers;

    SubscriptionArguments(KeywordTable table, PhraseIndex<Object> fillers) {
        table.regionNames().forEach((name, slug) -> regions.put(TextNormalizer.tokens(name), slug));
        table.languageNames().forEach((name, language) -> languages.put(TextNormalizer.tokens(name), language));
        this.fillers = fillers;
    }

    Optional<Integer> fillerLengthAt(List<String> words, int at) {
        return fillers.longestAt(words, at).map(PhraseIndex.Match::length);
    }

    /**
     * A second, different region or language is ambiguous ("ABONNER GAO MOPTI"), so it counts as not understood
     * rather than silently replacing the first.
     */
    Parsed parse(List<String> words) {
        Optional<String> region = Optional.empty();
        Optional<Language> language = Optional.empty();
        List<String> unrecognised = new ArrayList<>();
        for (int at = 0; at < words.size(); ) {
            var regionMatch = regions.longestAt(words, at);
            var languageMatch = languages.longestAt(words, at);
            var fillerLength = fillerLengthAt(words, at);
            int length = 1;
            if (regionMatch.isPresent() && region.map(r -> r.equals(regionMatch.get().value())).orElse(true)) {
                region = Optional.of(regionMatch.get().value());
                length = regionMatch.get().length();
            } else if (languageMatch.isPresent()
                    && language.map(l -> l == languageMatch.get().value()).orElse(true)) {
                language = Optional.of(languageMatch.get().value());
                length = languageMatch.get().length();
            } else if (fillerLength.isPresent()) {
                length = fillerLength.get();
            } else {
                length = regionMatch.map(PhraseIndex.Match::length)
                        .or(() -> languageMatch.map(PhraseIndex.Match::length)).orElse(1);
                unrecognised.add(String.join(" ", words.subList(at, at + length)));
            }
            at += length;
        }
        return new Parsed(region, language, unrecognised);
    }
}
