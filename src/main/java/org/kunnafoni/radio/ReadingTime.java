package org.kunnafoni.radio;

import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.time.Duration;
import java.util.Map;

/**
 * How long a presenter takes to read a script aloud, from a words-per-minute rate per language (presenters read
 * some languages slower; the rates are configuration, {@code config/radio.yaml}).
 */
public record ReadingTime(Map<Language, Integer> wordsPerMinute, int defaultWordsPerMinute) {
    public ReadingTime {
        wordsPerMinute = Map.copyOf(wordsPerMinute);
        if (defaultWordsPerMinute < 1 || wordsPerMinute.values().stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("words per minute must be positive");
        }
    }

    public Duration of(String text, Language language) {
        int words = TextNormalizer.tokens(TextNormalizer.fold(text)).size();
        int rate = wordsPerMinute.getOrDefault(language, defaultWordsPerMinute);
        return Duration.ofSeconds((long) Math.ceil(words * 60.0 / rate));
    }
}
