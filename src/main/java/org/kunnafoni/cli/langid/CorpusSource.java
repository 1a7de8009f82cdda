package org.kunnafoni.cli.langid;

import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One training file and the language group it stands for (a relative such as Zarma stands for Songhay).
 *
 * @param weight how many times each training line counts (small corpora of the exact language count more)
 * @param keep   which lines to use (drops the Kikuyu lines mixed into FLORES Bambara)
 */
public record CorpusSource(Language language, String path, int weight, Predicate<String> keep) {
    /** Every {@value}th line of each source is held out from training for evaluation. */
    public static final int HOLD_OUT_EVERY = 5;

    private static final int MIN_WORDS = 4;
    private static final Predicate<String> ALL = line -> true;
    // Kikuyu tilde vowels never occur in Bambara spelling.
    private static final Predicate<String> NOT_KIKUYU = line -> line.indexOf('ĩ') < 0 && line.indexOf('ũ') < 0
            && line.indexOf('Ĩ') < 0 && line.indexOf('Ũ') < 0;

    /** The shared corpora (relative to the data folder) and the team's own lines (relative to the extra folder). */
    public static List<CorpusSource> all() {
        return List.of(
                new CorpusSource(Language.FRA, "flores-dev/fra_Latn.dev", 1, ALL),
                new CorpusSource(Language.FRA, "bayelemabaga/dev.fr", 1, ALL),
                new CorpusSource(Language.FRA, "udhr/fra.txt", 1, ALL),
                new CorpusSource(Language.FRA, "extra:fra.txt", 3, ALL),
                new CorpusSource(Language.BAM, "flores-dev/bam_Latn.dev", 1, NOT_KIKUYU),
                new CorpusSource(Language.BAM, "bayelemabaga/dev.bam", 1, ALL),
                new CorpusSource(Language.BAM, "udhr/bam.txt", 1, ALL),
                new CorpusSource(Language.BAM, "flores-dev/dyu_Latn.dev", 1, ALL),
                new CorpusSource(Language.BAM, "udhr/dyu.txt", 1, ALL),
                new CorpusSource(Language.BAM, "udhr/emk.txt", 1, ALL),
                new CorpusSource(Language.BAM, "extra:bam.txt", 3, ALL),
                new CorpusSource(Language.SES, "udhr/dje.txt", 3, ALL),
                new CorpusSource(Language.SES, "extra:ses.txt", 6, ALL),
                new CorpusSource(Language.FFM, "flores-dev/fuv_Latn.dev", 1, ALL),
                new CorpusSource(Language.FFM, "udhr/fuf.txt", 1, ALL),
                new CorpusSource(Language.FFM, "udhr/fuv.txt", 1, ALL),
                new CorpusSource(Language.FFM, "udhr/fuv2.txt", 1, ALL),
                new CorpusSource(Language.FFM, "udhr/fuf_adlm.txt", 1, ALL),
                new CorpusSource(Language.FFM, "extra:ffm.txt", 3, ALL),
                new CorpusSource(Language.TAQ, "flores-dev/taq_Latn.dev", 1, ALL),
                new CorpusSource(Language.TAQ, "flores-dev/taq_Tfng.dev", 1, ALL),
                new CorpusSource(Language.TAQ, "udhr/tzm.txt", 1, ALL),
                new CorpusSource(Language.TAQ, "udhr/zgh.txt", 1, ALL),
                new CorpusSource(Language.TAQ, "extra:taq.txt", 3, ALL),
                new CorpusSource(Language.ARA, "flores-dev/arb_Arab.dev", 1, ALL),
                new CorpusSource(Language.ARA, "udhr/arb.txt", 1, ALL),
                new CorpusSource(Language.ENG, "flores-dev/eng_Latn.dev", 1, ALL),
                new CorpusSource(Language.ENG, "udhr/eng.txt", 1, ALL),
                new CorpusSource(Language.ENG, "extra:eng.txt", 3, ALL));
    }

    public Path resolve(Path data, Path extra) {
        return path.startsWith("extra:") ? extra.resolve(path.substring("extra:".length())) : data.resolve(path);
    }

    /** Non-empty, non-comment lines that pass the filter, split into training and held-out parts. */
    public Split read(Path data, Path extra) throws IOException {
        Path file = resolve(data, extra);
        List<String> train = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Split(train, heldOut);
        }
        int index = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || !keep.test(text) || isHeading(text)) {
                continue;
            }
            (index++ % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 ? heldOut : train).add(text);
        }
        return new Split(train, heldOut);
    }

    // Shared corpora have article headings ("Sariya 3", "Aya 5ta", "Article premier"): names and numbers, no
    // language to learn from. The team's own lines are all messages, however short.
    private boolean isHeading(String text) {
        return !path.startsWith("extra:") && text.split("\\s+").length < MIN_WORDS;
    }

    public record Split(List<String> train, List<String> heldOut) {
    }
}
