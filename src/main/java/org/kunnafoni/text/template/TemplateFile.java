package org.kunnafoni.text.template;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a template file into its header and body:
 * <pre>
 * ---
 * status: approved
 * note: reviewed by the Mopti team
 * ---
 * The SMS text with {{variables}}.
 * </pre>
 * A file without a header, or without a valid status, is read as a draft and reported: nothing unreviewed
 * goes out by accident.
 */
final class TemplateFile {
    private static final String FENCE = "---";

    record Parsed(TemplateStatus status, String note, String body, List<String> problems) {
    }

    private TemplateFile() {
    }

    static Parsed parse(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        String clean = unix.startsWith("\uFEFF") ? unix.substring(1) : unix;
        List<String> lines = List.of(clean.split("\n", -1));
        int close = lines.isEmpty() || !lines.get(0).strip().equals(FENCE) ? -1 : closingFence(lines);
        if (close < 0) {
            return new Parsed(TemplateStatus.DRAFT, "", body(lines, 0),
                    List.of("no header: start the file with '---', 'status: draft|approved', '---'"));
        }
        return header(lines.subList(1, close), body(lines, close + 1));
    }

    private static int closingFence(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                return i;
            }
        }
        return -1;
    }

    private static Parsed header(List<String> lines, String body) {
        List<String> problems = new ArrayList<>();
        Optional<TemplateStatus> status = Optional.empty();
        String note = "";
        for (String line : lines) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? line.strip() : line.substring(0, colon).strip();
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            switch (key) {
                case "" -> { }
                case "status" -> {
                    status = TemplateStatus.fromId(value);
                    if (status.isEmpty()) {
                        problems.add("status must be draft or approved, not '" + value + "'");
                    }
                }
                case "note" -> note = value;
                default -> problems.add("unknown header line '" + line.strip() + "' (known: status, note)");
            }
        }
        if (status.isEmpty() && problems.isEmpty()) {
            problems.add("the header has no 'status: draft|approved' line");
        }
        return new Parsed(status.orElse(TemplateStatus.DRAFT), note, body, List.copyOf(problems));
    }

    private static String body(List<String> lines, int from) {
        String joined = String.join("\n", lines.subList(Math.min(from, lines.size()), lines.size()));
        return Normalizer.normalize(joined.strip(), Normalizer.Form.NFC);
    }
}
