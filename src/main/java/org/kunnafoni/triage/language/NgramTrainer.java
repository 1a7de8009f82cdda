package org.kunnafoni.triage.language;

import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts character n-grams per language and writes the {@link NgramModel} read by {@link LanguageIdentifier}.
 * Pure and deterministic: the same texts in the same order give the same model file.
 */
public final class NgramTrainer {
    private final List<Language> languages;
    private final int maxOrder;
    private final Map<String, int[]> counts = new HashMap<>();
    private final long[][] totals; // [order-1][language]

    public NgramTrainer(List<Language> languages, int maxOrder) {
        this.languages = List.copyOf(languages);
        this.maxOrder = maxOrder;
        this.totals = new long[maxOrder][languages.size()];
    }

    /** Counts the n-grams of {@code text} (any spelling; it is folded here) {@code weight} times. */
    public void add(Language language, String text, int weight) {
        int l = languages.indexOf(language);
        if (l < 0) {
            throw new IllegalArgumentException("not a model language: " + language);
        }
        String letters = NgramText.of(text);
        int wordStart = 0;
        for (int i = 1; i < letters.length(); i++) {
            if (letters.charAt(i) == ' ') {
                countWord(letters.substring(wordStart, i + 1), l, weight);
                wordStart = i;
            }
        }
    }

    private void countWord(String word, int language, int weight) {
        for (int i = 0; i < word.length(); i++) {
            for (int end = i + 1; end <= Math.min(word.length(), i + maxOrder); end++) {
                if (end - i == 1 && word.charAt(i) == ' ') {
                    continue;
                }
                counts.computeIfAbsent(word.substring(i, end), g -> new int[languages.size()])[language] += weight;
                totals[end - i - 1][language] += weight;
            }
        }
    }

    /**
     * Writes the model: additive smoothing {@code alpha} per order, n-grams seen fewer than {@code minCount}
     * times in every language left to the floor (they are mostly names and numbers). Counts are scaled so
     * every language has the same total per order (the geometric mean): with raw counts a small corpus
     * (Songhay) would have a much higher floor and win every text full of unseen words, such as French loans.
     */
    public Summary write(OutputStream out, double alpha, int minCount, float step) throws IOException {
        int[] vocabulary = new int[maxOrder];
        counts.keySet().forEach(g -> vocabulary[g.length() - 1]++);
        double[][] scale = new double[maxOrder][languages.size()];
        float[][] floors = new float[maxOrder][languages.size()];
        for (int n = 0; n < maxOrder; n++) {
            double common = geometricMean(totals[n]);
            for (int l = 0; l < languages.size(); l++) {
                scale[n][l] = common / Math.max(1, totals[n][l]);
                floors[n][l] = (float) Math.log(alpha / (common + alpha * vocabulary[n]));
            }
        }
        Map<String, float[]> lifts = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> entry : new TreeMap<>(counts).entrySet()) {
            int[] c = entry.getValue();
            int max = 0;
            for (int v : c) {
                max = Math.max(max, v);
            }
            if (max < minCount) {
                continue;
            }
            float[] lift = new float[c.length];
            double[] orderScale = scale[entry.getKey().length() - 1];
            for (int l = 0; l < c.length; l++) {
                lift[l] = (float) Math.log((c[l] * orderScale[l] + alpha) / alpha);
            }
            lifts.put(entry.getKey(), lift);
        }
        NgramModel.write(out, languages, floors, step, lifts);
        return new Summary(counts.size(), lifts.size());
    }

    private static double geometricMean(long[] values) {
        double logSum = 0;
        for (long v : values) {
            logSum += Math.log(Math.max(1, v));
        }
        return Math.exp(logSum / values.length);
    }

    /** How many distinct n-grams were counted and how many the model keeps. */
    public record Summary(int counted, int kept) {
    }
}
