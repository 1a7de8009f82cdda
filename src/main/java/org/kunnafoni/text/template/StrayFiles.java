package org.kunnafoni.text.template;

import org.kunnafoni.triage.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Files in a kind's folder that the library never reads — a topic missing from {@code topics.yaml}, a
 * language code misspelt ({@code fr.txt}) — found by listing the folder on disk. They would silently not be
 * sent. A jar cannot be listed, so there this check finds nothing.
 */
final class StrayFiles {
    private static final Set<String> IGNORED = Set.of("README.md");

    private StrayFiles() {
    }

    static List<TemplateProblem> find(TemplateLibrary library) {
        List<TemplateProblem> problems = new ArrayList<>();
        library.listFiles().orElse(List.of()).forEach(path -> reason(library, path)
                .ifPresent(reason -> problems.add(new TemplateProblem(path, reason))));
        return problems;
    }

    private static Optional<String> reason(TemplateLibrary library, String path) {
        String[] parts = path.split("/");
        String name = parts[parts.length - 1];
        if (!TemplateId.KINDS.contains(parts[0]) || name.startsWith(".") || IGNORED.contains(name)) {
            return Optional.empty();
        }
        if (parts.length == 2 && name.equals(TopicIndex.FILE)) {
            return Optional.empty();
        }
        if (library.topics(parts[0]).isEmpty()) {
            return Optional.of("not read: " + parts[0] + "/" + TopicIndex.FILE + " is missing or lists no topic");
        }
        String extension = TemplateId.extension(parts[0]);
        if (parts.length != 3 || !name.endsWith(extension)) {
            return Optional.of("not read: templates are " + parts[0] + "/<topic>/<language>" + extension);
        }
        if (library.topic(parts[0], parts[1]).isEmpty()) {
            return Optional.of("not read: topic " + parts[1] + " is not listed in " + parts[0] + "/" + TopicIndex.FILE);
        }
        String code = name.substring(0, name.length() - extension.length());
        return Language.fromCode(code).filter(l -> l.code().equals(code)).isPresent()
                ? Optional.empty()
                : Optional.of("not read: '" + code + "' is not a language code (" + codes() + ")");
    }

    private static String codes() {
        return String.join(" ", Arrays.stream(Language.values()).map(Language::code).toList());
    }
}
