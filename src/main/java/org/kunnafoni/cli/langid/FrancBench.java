package org.kunnafoni.cli.langid;

import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs franc (Node) over the held-out file: copies {@code src/bench/franc} into a folder under
 * {@code target/}, installs its pinned dependency there once, and maps franc's answers to our codes.
 */
public final class FrancBench {
    // franc knows these relatives, not our exact varieties: Zarma for Songhay, Tamazight for Tamasheq.
    private static final Map<String, Language> CODES = Map.ofEntries(
            Map.entry("fra", Language.FRA), Map.entry("bam", Language.BAM), Map.entry("fuv", Language.FFM),
            Map.entry("ful", Language.FFM), Map.entry("fuf", Language.FFM), Map.entry("dje", Language.SES),
            Map.entry("arb", Language.ARA), Map.entry("ara", Language.ARA), Map.entry("taq", Language.TAQ),
            Map.entry("tzm", Language.TAQ), Map.entry("zgh", Language.TAQ), Map.entry("eng", Language.ENG));

    private final Path source;
    private final Path work;

    public FrancBench(Path source, Path work) {
        this.source = source;
        this.work = work;
    }

    public static Language toOurs(String francCode) {
        return CODES.getOrDefault(francCode.strip(), Language.UND);
    }

    /** franc's answer for every data line of {@code tsv}, in order, mapped to our codes. */
    public List<Language> run(Path tsv) throws IOException, InterruptedException {
        install();
        Process node = new ProcessBuilder("node", work.resolve("franc.mjs").toString())
                .redirectInput(tsv.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!node.waitFor(10, TimeUnit.MINUTES) || node.exitValue() != 0) {
            throw new IOException("franc failed with exit code " + node.exitValue());
        }
        List<Language> out = new ArrayList<>();
        output.lines().forEach(line -> out.add(toOurs(line)));
        return out;
    }

    private void install() throws IOException, InterruptedException {
        Files.createDirectories(work);
        for (String file : List.of("package.json", "franc.mjs")) {
            Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(work.resolve("node_modules/franc-all"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", work.toString())
                .inheritIO().start();
        if (npm.waitFor() != 0) {
            throw new IOException("npm install failed in " + work);
        }
    }
}
