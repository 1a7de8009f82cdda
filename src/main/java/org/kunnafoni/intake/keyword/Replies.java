package org.kunnafoni.intake.keyword;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The neutral SMS replies, one mustache template per kind and language. Rendering is strict (a variable the
 * caller forgot is an error, never an empty hole in an SMS) and falls back to French, the language every kind
 * must have.
 */
public final class Replies {
    static final Language FALLBACK = Language.FRA;
    private static final String ROOT = "/message-templates/replies/";
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false).strictSections(true).emptyStringIsFalse(true);

    private final Map<ReplyKind, Map<Language, Template>> templates;

    private Replies(Map<ReplyKind, Map<Language, Template>> templates) {
        this.templates = templates;
    }

    /** Reads {@code /message-templates/replies/<kind>/<lang>.txt} from the class path. */
    public static Replies loadDefault() {
        return of((kind, language) -> read(ROOT + kind.dirName() + "/" + language.code() + ".txt"));
    }

    /** Builds from any source of texts, e.g. a folder beside the jar; {@code source} returns empty when absent. */
    public static Replies of(BiFunction<ReplyKind, Language, Optional<String>> source) {
        Map<ReplyKind, Map<Language, Template>> templates = new EnumMap<>(ReplyKind.class);
        List<String> problems = new ArrayList<>();
        for (ReplyKind kind : ReplyKind.values()) {
            Map<Language, Template> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                source.apply(kind, language).ifPresent(text -> compile(kind, language, text, problems)
                        .ifPresent(t -> byLanguage.put(language, t)));
            }
            if (!byLanguage.containsKey(FALLBACK)) {
                problems.add(kind.dirName() + "/" + FALLBACK.code() + ".txt is missing (every reply needs French)");
            }
            templates.put(kind, byLanguage);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("reply templates: " + String.join("; ", problems));
        }
        return new Replies(templates);
    }

    public String render(ReplyKind kind, Language language, Map<String, Object> variables) {
        Map<Language, Template> byLanguage = templates.get(kind);
        Language used = byLanguage.containsKey(language) ? language : FALLBACK;
        try {
            return byLanguage.get(used).execute(variables).strip();
        } catch (MustacheException e) {
            throw new IllegalArgumentException("reply " + kind.dirName() + "/" + used.code()
                    + " needs variables " + kind.variables() + ", got " + variables.keySet() + ": " + e.getMessage(), e);
        }
    }

    public Set<Language> languages(ReplyKind kind) {
        return Set.copyOf(templates.get(kind).keySet());
    }

    private static Optional<Template> compile(ReplyKind kind, Language language, String text, List<String> problems) {
        try {
            return Optional.of(COMPILER.compile(Normalizer.normalize(text.strip(), Normalizer.Form.NFC)));
        } catch (MustacheException e) {
            problems.add(kind.dirName() + "/" + language.code() + ".txt: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = Replies.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
