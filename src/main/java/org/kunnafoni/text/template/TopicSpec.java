package org.kunnafoni.text.template;

import org.kunnafoni.text.SmsEncoding;
import org.kunnafoni.triage.Language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code <kind>/topics.yaml} says about one topic, defaults already applied.
 *
 * @param variables         the variables its templates may use, with samples and maximum lengths
 * @param requiredLanguages languages that must have an approved template, or a fallback that reaches one
 * @param fallbacks         language → language to send instead when the first has no approved template
 * @param maxSegments       the most segments a text may take, per encoding; an encoding absent is not limited
 * @param gsm7Languages     languages whose texts must stay GSM-7 (one accent too many triples the cost)
 * @param mustUse           variables every template of the topic must use (e.g. the hotline)
 * @param mustMention       literal words every template must contain (e.g. STOP, so people can opt out)
 */
public record TopicSpec(String kind, String topic, Map<String, VariableSpec> variables,
                        Set<Language> requiredLanguages, Map<Language, Language> fallbacks,
                        Map<SmsEncoding, Integer> maxSegments, Set<Language> gsm7Languages,
                        Set<String> mustUse, List<String> mustMention) {
    public TopicSpec {
        variables = Map.copyOf(variables);
        requiredLanguages = Set.copyOf(requiredLanguages);
        fallbacks = Map.copyOf(fallbacks);
        maxSegments = Map.copyOf(maxSegments);
        gsm7Languages = Set.copyOf(gsm7Languages);
        mustUse = Set.copyOf(mustUse);
        mustMention = List.copyOf(mustMention);
    }

    public TemplateId id(Language language) {
        return new TemplateId(kind, topic, language);
    }

    /** The language itself, then its fallbacks in order; stops before a language seen already (a cycle). */
    public List<Language> fallbackChain(Language language) {
        Set<Language> chain = new LinkedHashSet<>();
        for (Language next = language; next != null && chain.add(next); ) {
            next = fallbacks.get(next);
        }
        return new ArrayList<>(chain);
    }

    /** True when following the fallbacks from {@code language} comes back to a language already visited. */
    public boolean fallbackLoops(Language language) {
        List<Language> chain = fallbackChain(language);
        return fallbacks.containsKey(chain.get(chain.size() - 1));
    }

    public Optional<Integer> maxSegments(SmsEncoding encoding) {
        return Optional.ofNullable(maxSegments.get(encoding));
    }
}
