package org.kunnafoni.cli.langid;

import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One evaluation snippet: a held-out text cut at a word boundary to at most {@code length} characters. */
public record HeldOutSnippet(Language language, int length, String text) {
    public static final List<Integer> LENGTHS = List.of(20, 40, 80, 140);
    public static final String HEADER = "lang\tlength\ttext";

    /**
     * The snippet of at most {@code length} characters starting at held-out line {@code start}; shorter
     * lines are continued with the next held-out lines. Empty when the result would be under 60 % of the
     * length (a single long word, or the end of the source).
     */
    public static Optional<HeldOutSnippet> cut(Language language, int length, List<String> lines, int start) {
        StringBuilder text = new StringBuilder(lines.get(start).replaceAll("\\s+", " "));
        for (int next = start + 1; text.length() < length && next < lines.size(); next++) {
            text.append(' ').append(lines.get(next).replaceAll("\\s+", " "));
        }
        String cut = text.length() <= length ? text.toString() : wordPrefix(text.toString(), length);
        cut = cut.strip();
        return cut.length() >= length * 0.6 ? Optional.of(new HeldOutSnippet(language, length, cut)) : Optional.empty();
    }

    private static String wordPrefix(String text, int length) {
        if (text.charAt(length) == ' ') {
            return text.substring(0, length);
        }
        int space = text.lastIndexOf(' ', length);
        return space < 0 ? "" : text.substring(0, space);
    }

    public String toTsv() {
        return language.code() + "\t" + length + "\t" + text.replace('\t', ' ');
    }

    public static void writeTsv(Path file, List<HeldOutSnippet> snippets) throws IOException {
        StringBuilder tsv = new StringBuilder(HEADER).append('\n');
        snippets.forEach(s -> tsv.append(s.toTsv()).append('\n'));
        Files.writeString(file, tsv, StandardCharsets.UTF_8);
    }

    public static List<HeldOutSnippet> readTsv(Path file) throws IOException {
        List<HeldOutSnippet> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.equals(HEADER)) {
                continue;
            }
            String[] cols = line.split("\t", 3);
            out.add(new HeldOutSnippet(Language.fromCode(cols[0]).orElseThrow(), Integer.parseInt(cols[1]), cols[2]));
        }
        return out;
    }
}
