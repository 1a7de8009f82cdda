package org.kunnafoni.text.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small template folders for tests. */
final class TemplateFolder {
    static final String INDEX = """
            variables:
              hotline: {sample: "+223 20 20 20 20", max-length: 16}
              region: {sample: "Gao", max-length: 10}
            defaults:
              variables: [hotline]
              required-languages: [fra, bam]
              fallbacks: {bam: fra, ses: bam}
              gsm7-languages: [fra]
              max-segments: {gsm7: 1, ucs2: 2}
              must-use: [hotline]
              must-mention: [STOP]
            topics:
              greet:
                variables: [hotline, region]
            """;

    private final Path root;

    TemplateFolder(Path root) {
        this.root = root;
    }

    /** The index above and approved French and Bambara texts that pass the check. */
    static TemplateFolder valid(Path root) {
        return new TemplateFolder(root).index(INDEX)
                .file("greet/fra", "approved", "Ecrivez au {{hotline}}{{#region}} ({{region}}){{/region}}. STOP: fin.")
                .file("greet/bam", "approved", "Cikan ci {{hotline}} ma. STOP ci.");
    }

    TemplateFolder index(String yaml) {
        return write("awareness/topics.yaml", yaml);
    }

    TemplateFolder file(String topicAndLanguage, String status, String body) {
        return write("awareness/" + topicAndLanguage + ".txt", "---\nstatus: " + status + "\n---\n" + body + "\n");
    }

    TemplateFolder write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TemplateFolder delete(String relative) {
        try {
            Files.delete(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TemplateLibrary load() {
        return TemplateLibrary.load(root);
    }
}
