package org.kunnafoni.text.template;

import org.kunnafoni.text.Gsm7Alphabet;
import org.kunnafoni.text.SegmentCount;
import org.kunnafoni.triage.Language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a {@link TemplateLibrary} before anything is sent: every file parses and has a status, uses only
 * declared variables (and the ones it must), mentions what it must, stays within its encoding and segment limits
 * with every variable at its longest, and every required language has an approved text of its own or through a
 * declared fallback (a draft does not count).
 */
public final class TemplateChecker {

    public List<TemplateProblem> check(TemplateLibrary library) {
        return report(library).problems();
    }

    public CheckReport report(TemplateLibrary library) {
        List<CheckRow> rows = new ArrayList<>();
        List<TemplateProblem> other = new ArrayList<>();
        Set<String> rowIds = new HashSet<>();
        for (String kind : TemplateId.KINDS) {
            for (TopicSpec topic : library.topics(kind)) {
                List<CheckRow> topicRows = topicRows(library, topic);
                if (topicRows.stream().noneMatch(r -> !r.status().equals("missing"))) {
                    other.add(new TemplateProblem(kind + "/" + topic.topic(), "listed in topics.yaml but has no template file"));
                }
                topicRows.forEach(r -> rowIds.add(r.id().toString()));
                rows.addAll(topicRows);
                other.addAll(fallbackLoops(topic));
            }
        }
        library.problems().stream().filter(p -> !rowIds.contains(p.where())).forEach(other::add);
        other.addAll(StrayFiles.find(library));
        return new CheckReport(library.source(), rows, other);
    }

    private List<CheckRow> topicRows(TemplateLibrary library, TopicSpec topic) {
        List<CheckRow> rows = new ArrayList<>();
        for (Language language : Language.values()) {
            TemplateId id = topic.id(language);
            Optional<LoadedTemplate> loaded = library.loaded(id);
            boolean exists = loaded.isPresent() || library.brokenReason(id).isPresent();
            if (!exists && !topic.requiredLanguages().contains(language)) {
                continue;
            }
            List<String> problems = new ArrayList<>();
            library.problems().stream().filter(p -> p.where().equals(id.toString()))
                    .forEach(p -> problems.add(p.message()));
            Optional<SegmentCount> cost = loaded.flatMap(t -> checkText(library, t, problems));
            Optional<Language> sentAs = library.find(topic.kind(), topic.topic(), language).map(t -> t.id().language());
            if (sentAs.isEmpty() && topic.requiredLanguages().contains(language)) {
                problems.add("required language without an approved text, and no declared fallback reaches one"
                        + " (chain " + codes(topic.fallbackChain(language)) + ")");
            }
            String status = loaded.map(t -> t.template().status().id()).orElse(exists ? "broken" : "missing");
            rows.add(new CheckRow(id, status, sentAs, cost, problems));
        }
        return rows;
    }

    private static Optional<SegmentCount> checkText(TemplateLibrary library, LoadedTemplate loaded,
                                                    List<String> problems) {
        TopicSpec topic = loaded.topic();
        MessageTemplate template = loaded.template();
        if (template.body().isBlank()) {
            problems.add("the text is empty");
        }
        template.variables().stream().filter(v -> !topic.variables().containsKey(v)).sorted()
                .forEach(v -> problems.add("uses {{" + v + "}}, which topic " + topic.topic() + " does not declare"));
        topic.mustUse().stream().filter(v -> !template.variables().contains(v)).sorted()
                .forEach(v -> problems.add("does not use {{" + v + "}}"));
        topic.mustMention().stream().filter(word -> !template.body().contains(word))
                .forEach(word -> problems.add("does not contain '" + word + "'"));
        Rendered worst;
        try {
            worst = library.worstCase(loaded);
        } catch (TemplateException e) {
            problems.add("does not render with the sample values: " + e.getMessage());
            return Optional.empty();
        }
        SegmentLimits.check(worst, topic, problems);
        return Optional.of(worst.cost());
    }

    private static List<TemplateProblem> fallbackLoops(TopicSpec topic) {
        return topic.fallbacks().keySet().stream().filter(topic::fallbackLoops).sorted()
                .map(l -> new TemplateProblem(topic.kind() + "/topics.yaml", "topic " + topic.topic()
                        + ": fallbacks loop from " + l.code() + " " + codes(topic.fallbackChain(l))))
                .limit(1)
                .toList();
    }

    static String codes(List<Language> languages) {
        return languages.stream().map(Language::code).collect(Collectors.joining(" → "));
    }

    /** Encoding and segment rules, with the first character that forces UCS-2 named so it is easy to fix. */
    static final class SegmentLimits {
        private SegmentLimits() {
        }

        static void check(Rendered worst, TopicSpec topic, List<String> problems) {
            SegmentCount cost = worst.cost();
            Language language = worst.id().language();
            if (topic.gsm7Languages().contains(language) && !Gsm7Alphabet.canEncode(worst.text())) {
                problems.add("must be GSM-7 but is UCS-2: '" + firstNonGsm7(worst.text()) + "' is not in the GSM-7 alphabet");
            }
            topic.maxSegments(cost.encoding()).filter(max -> cost.segments() > max).ifPresent(max ->
                    problems.add("takes " + cost.segments() + " " + cost.encoding().id() + " segments (" + cost.units()
                            + " units with the longest variables), the limit is " + max));
        }

        private static String firstNonGsm7(String text) {
            return text.codePoints().filter(cp -> !Gsm7Alphabet.isGsm7(cp)).mapToObj(Character::toString)
                    .findFirst().orElse("?");
        }
    }
}
