package org.kunnafoni.triage.language;

import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tells the language of a short SMS: the writing system first (Arabic, Tifinagh, N'Ko and Adlam each
 * belong to one language group), then a character n-gram naive Bayes model over the Latin-script
 * languages. When the evidence is weak (few letters, or two languages nearly tied) it answers the
 * language the caller already knows for the sender, or {@code und}. Thread-safe and allocation-light.
 */
public final class LanguageIdentifier {
    public static final String DEFAULT_MODEL = "/triage/langid.model";
    private static final List<Language> LOCAL = List.of(Language.BAM, Language.SES, Language.FFM, Language.TAQ);

    private final NgramModel model;
    private final Settings settings;
    private final Language[] languages;

    /**
     * Decision thresholds, measured on the held-out snippets.
     *
     * @param minLetters       fewer Latin letters than this is never enough evidence
     * @param minMargin        the best language must lead the second by this many nats per n-gram…
     * @param shortLetters     texts with fewer letters than this are short…
     * @param shortEvidence    …and their best language must also lead by this many nats in all (a 3-letter
     *                         text has a dozen n-grams: a high per-n-gram margin there is still little evidence)
     * @param wordMargin       a word "votes" for a language when it leads by this many nats per n-gram
     * @param codeSwitchVotes  words voting for one local language that make a French/English-looking text
     *                         code-switched (Bambara with French words is Bambara)…
     * @param codeSwitchShare  …when they are also at least this share of the words voting French/English
     */
    public record Settings(int minLetters, double minMargin, int shortLetters, double shortEvidence,
                           double wordMargin, int codeSwitchVotes, double codeSwitchShare) {
        public static final Settings DEFAULT = new Settings(3, 0.03, 10, 6.0, 0.6, 3, 0.5);
    }

    LanguageIdentifier(NgramModel model, Settings settings) {
        this.model = model;
        this.settings = settings;
        this.languages = model.languages().toArray(Language[]::new);
    }

    public static LanguageIdentifier loadDefault() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("language model missing from the classpath: " + DEFAULT_MODEL);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LanguageIdentifier load(InputStream model) {
        return new LanguageIdentifier(NgramModel.read(model), Settings.DEFAULT);
    }

    /** The language a non-Latin writing system alone decides, if one dominates the text. */
    public static Optional<Language> scriptLanguage(String text) {
        return ScriptProfile.of(text == null ? "" : text).decisiveLanguage();
    }

    /** The same model with other thresholds (evaluation and tuning). */
    public LanguageIdentifier withSettings(Settings other) {
        return new LanguageIdentifier(model, other);
    }

    public LanguageGuess identify(String text, Optional<Language> knownLanguage) {
        String raw = text == null ? "" : text;
        ScriptProfile scripts = NgramText.isAscii(raw) ? null : ScriptProfile.of(raw);
        Optional<Language> byScript = scripts == null ? Optional.empty() : scripts.decisiveLanguage();
        if (byScript.isPresent()) {
            Language language = byScript.get();
            int share = scripts.count(language);
            return new LanguageGuess(language, (double) share / scripts.letters(), LanguageGuess.SCRIPT,
                    List.of(scripts.scriptName(language) + " script: " + share + " of " + scripts.letters() + " letters"));
        }
        String letters = NgramText.of(raw);
        int letterCount = NgramText.letterCount(letters);
        if (letterCount < settings.minLetters()) {
            return fallback(knownLanguage, "only " + letterCount + " letters");
        }
        return fromModel(letters, letterCount < settings.shortLetters(), knownLanguage);
    }

    /** Summed log-likelihood per language, per-language votes of clearly decided words, n-grams scored. */
    private record Evidence(double[] total, int[] votes, int grams) {
    }

    private Evidence scan(String letters) {
        int width = languages.length;
        double[] total = new double[width];
        double[] word = new double[width];
        int[] votes = new int[width];
        int grams = 0;
        int start = 0;
        for (int i = 1; i < letters.length(); i++) {
            if (letters.charAt(i) != ' ') {
                continue;
            }
            Arrays.fill(word, 0);
            int n = model.scoreWord(letters, start, i + 1, word);
            grams += n;
            for (int l = 0; l < width; l++) {
                total[l] += word[l];
            }
            int best = best(word, -1);
            boolean twoLettersOrMore = i - start > 2;
            if (twoLettersOrMore && (word[best] - word[best(word, best)]) / n >= settings.wordMargin()) {
                votes[best]++;
            }
            start = i;
        }
        return new Evidence(total, votes, grams);
    }

    private LanguageGuess fromModel(String letters, boolean shortText, Optional<Language> knownLanguage) {
        Evidence evidence = scan(letters);
        double[] total = evidence.total();
        int[] votes = evidence.votes();
        int grams = evidence.grams();
        int best = best(total, -1);
        int second = best(total, best);
        double margin = (total[best] - total[second]) / grams;
        List<String> reasons = new ArrayList<>(3);
        reasons.add("n-grams: " + languages[best].code() + " ahead of " + languages[second].code() + " by "
                + Math.round(margin * 100) / 100.0 + " nats per n-gram over " + grams);
        int switched = codeSwitchedTo(best, votes);
        if (switched >= 0) {
            reasons.add("code-switching: " + votes[switched] + " words read as " + languages[switched].code());
            return new LanguageGuess(languages[switched], confidence(total, switched, grams), LanguageGuess.MODEL, reasons);
        }
        if (margin < settings.minMargin() || shortText && margin * grams < settings.shortEvidence()) {
            reasons.add(0, "weak evidence: " + languages[best].code() + " and " + languages[second].code() + " nearly tied");
            return fallback(knownLanguage, reasons);
        }
        return new LanguageGuess(languages[best], confidence(total, best, grams), LanguageGuess.MODEL, reasons);
    }

    // A French- or English-looking text with several clearly local words is a local language with loanwords.
    private int codeSwitchedTo(int best, int[] votes) {
        if (languages[best] != Language.FRA && languages[best] != Language.ENG) {
            return -1;
        }
        int chosen = -1;
        for (int l = 0; l < languages.length; l++) {
            if (LOCAL.contains(languages[l]) && votes[l] >= settings.codeSwitchVotes()
                    && votes[l] >= settings.codeSwitchShare() * votes[best]
                    && (chosen < 0 || votes[l] > votes[chosen])) {
                chosen = l;
            }
        }
        return chosen;
    }

    // Softmax over log-likelihoods shrunk by √n: naive Bayes treats overlapping n-grams as independent.
    private static double confidence(double[] total, int chosen, int grams) {
        double scale = 1.0 / Math.sqrt(Math.max(1, grams));
        double sum = 0;
        for (double t : total) {
            sum += Math.exp((t - total[chosen]) * scale);
        }
        return 1.0 / sum;
    }

    private static int best(double[] scores, int excluded) {
        int best = -1;
        for (int l = 0; l < scores.length; l++) {
            if (l != excluded && (best < 0 || scores[l] > scores[best])) {
                best = l;
            }
        }
        return best;
    }

    private static LanguageGuess fallback(Optional<Language> known, String reason) {
        return fallback(known, new ArrayList<>(List.of(reason)));
    }

    private static LanguageGuess fallback(Optional<Language> known, List<String> reasons) {
        if (known.isPresent() && known.get() != Language.UND) {
            reasons.add("known language of the sender: " + known.get().code());
            return new LanguageGuess(known.get(), 0.5, LanguageGuess.FALLBACK, reasons);
        }
        return new LanguageGuess(Language.UND, 0.0, LanguageGuess.FALLBACK, reasons);
    }
}
