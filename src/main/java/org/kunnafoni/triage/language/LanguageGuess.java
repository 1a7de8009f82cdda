package org.kunnafoni.triage.language;

import org.kunnafoni.triage.Language;

import java.util.List;
import java.util.Objects;

/**
 * The language of one message and how it was decided.
 *
 * @param language   one of the gateway's language groups, {@link Language#UND} when nothing can be said
 * @param confidence 0..1; for {@code model} the share of the best language after calibration
 * @param method     {@code script} (writing system decides), {@code model} (character n-grams) or
 *                   {@code fallback} (evidence too weak: the known language, or {@code und})
 * @param reasons    short human-readable facts behind the decision, for the monitor's "why"
 */
public record LanguageGuess(Language language, double confidence, String method, List<String> reasons) {
    public static final String SCRIPT = "script";
    public static final String MODEL = "model";
    public static final String FALLBACK = "fallback";

    public LanguageGuess {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(method, "method");
        reasons = List.copyOf(reasons);
    }
}
