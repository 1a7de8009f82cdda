package org.kunnafoni.text.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import org.kunnafoni.text.SegmentCounter;
import org.kunnafoni.triage.Language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbound message templates: {@code <kind>/topics.yaml} lists the topics of a kind, and each topic has
 * one file per language, {@code <kind>/<topic>/<lang>.txt}. Loading never fails on a bad file: the file is left
 * out (or kept as a draft) and reported in {@link #problems()}, so the checker can list everything at once.
 */
public final class TemplateLibrary {
    static final String DEFAULT_FOLDER = "message-templates";
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false).strictSections(true).emptyStringIsFalse(true);

    private final TemplateSource source;
    private final Map<String, Map<String, TopicSpec>> topics = new LinkedHashMap<>();
    private final Map<TemplateId, LoadedTemplate> templates = new LinkedHashMap<>();
    private final Map<TemplateId, String> broken = new LinkedHashMap<>();
    private final List<TemplateProblem> problems = new ArrayList<>();

    private TemplateLibrary(TemplateSource source) {
        this.source = source;
    }

    /** A {@code message-templates} folder on disk. */
    public static TemplateLibrary load(Path root) {
        return new TemplateLibrary(new TemplateSource.Disk(root)).read();
    }

    /** {@code message-templates/} in the working directory if there is one, else the copy packaged in the jar. */
    public static TemplateLibrary loadDefault() {
        Path beside = Path.of(DEFAULT_FOLDER);
        return Files.isDirectory(beside) ? load(beside) : loadFromClasspath(TemplateLibrary.class.getClassLoader());
    }

    /** {@code message-templates/…} resources of a class loader (the jar). */
    public static TemplateLibrary loadFromClasspath(ClassLoader loader) {
        return new TemplateLibrary(new TemplateSource.Classpath(loader, DEFAULT_FOLDER + "/")).read();
    }

    /** Where the templates were read from: an absolute folder or {@code classpath:/message-templates/}. */
    public String source() {
        return source.describe();
    }

    /** Problems found while loading (bad index, headers, mustache syntax); the checker adds its own. */
    public List<TemplateProblem> problems() {
        return List.copyOf(problems);
    }

    public List<TopicSpec> topics(String kind) {
        return List.copyOf(topics.getOrDefault(kind, Map.of()).values());
    }

    public Optional<TopicSpec> topic(String kind, String topic) {
        return Optional.ofNullable(topics.getOrDefault(kind, Map.of()).get(topic));
    }

    /** The template written in exactly this language, whatever its status. */
    public Optional<MessageTemplate> get(TemplateId id) {
        return Optional.ofNullable(templates.get(id)).map(LoadedTemplate::template);
    }

    /** Every template that loaded, drafts included. */
    public Collection<MessageTemplate> all() {
        return templates.values().stream().map(LoadedTemplate::template).toList();
    }

    /**
     * The template that would be sent for this language: its own if approved, else the first approved one
     * along the topic's declared fallbacks. Drafts are never returned.
     */
    public Optional<MessageTemplate> find(String kind, String topic, Language language) {
        return sendable(kind, topic, language).map(LoadedTemplate::template);
    }

    public boolean isSendable(String kind, String topic, Language language) {
        return sendable(kind, topic, language).isPresent();
    }

    /** Renders the text to send; every variable the template uses must be given (see {@link VariableBinder}). */
    public Rendered render(String kind, String topic, Language language, Map<String, ?> variables) {
        LoadedTemplate loaded = sendable(kind, topic, language).orElseThrow(() -> new TemplateException(
                "no approved template for " + kind + "/" + topic + "/" + language.code()
                        + chainText(kind, topic, language)));
        return rendered(loaded, VariableBinder.bind(loaded, variables), loaded.template().id().language() != language);
    }

    /** Renders one exact template, draft or not, for a preview; never use it to send. */
    public Rendered preview(TemplateId id, Map<String, ?> variables) {
        LoadedTemplate loaded = Optional.ofNullable(templates.get(id))
                .orElseThrow(() -> new TemplateException("no template " + id));
        return rendered(loaded, VariableBinder.bind(loaded, variables), false);
    }

    Optional<LoadedTemplate> loaded(TemplateId id) {
        return Optional.ofNullable(templates.get(id));
    }

    /** Why a file that exists could not be used, if it could not. */
    Optional<String> brokenReason(TemplateId id) {
        return Optional.ofNullable(broken.get(id));
    }

    Optional<List<String>> listFiles() {
        return source.listAll();
    }

    Rendered worstCase(LoadedTemplate loaded) {
        return rendered(loaded, VariableBinder.worstCase(loaded), false);
    }

    private Optional<LoadedTemplate> sendable(String kind, String topic, Language language) {
        Optional<TopicSpec> spec = topic(kind, topic);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        return spec.get().fallbackChain(language).stream()
                .map(l -> templates.get(spec.get().id(l)))
                .filter(t -> t != null && t.template().sendable())
                .findFirst();
    }

    private String chainText(String kind, String topic, Language language) {
        return topic(kind, topic).map(s -> s.fallbackChain(language))
                .filter(chain -> chain.size() > 1)
                .map(chain -> " (tried " + chain.stream().map(Language::code).toList() + ")")
                .orElse(topic(kind, topic).isEmpty() ? " (unknown topic)" : "");
    }

    private static Rendered rendered(LoadedTemplate loaded, Map<String, String> values, boolean fallbackUsed) {
        String text;
        try {
            text = loaded.compiled().execute(values);
        } catch (MustacheException e) {
            throw new TemplateException(loaded.template().id() + ": " + e.getMessage());
        }
        String nfc = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        return new Rendered(loaded.template().id(), nfc, SegmentCounter.count(nfc), fallbackUsed);
    }

    private TemplateLibrary read() {
        boolean anyIndex = false;
        for (String kind : TemplateId.KINDS) {
            Optional<String> index = source.read(kind + "/" + TopicIndex.FILE);
            if (index.isPresent()) {
                anyIndex = true;
                readKind(kind, index.get());
            }
        }
        if (!anyIndex) {
            problems.add(new TemplateProblem(source.describe(),
                    "no " + TopicIndex.FILE + " for any kind " + TemplateId.KINDS + " (is this a templates folder?)"));
        }
        return this;
    }

    private void readKind(String kind, String index) {
        TopicIndex.Parsed parsed = TopicIndex.parse(kind, index);
        problems.addAll(parsed.problems());
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        for (TopicSpec spec : parsed.topics()) {
            byName.put(spec.topic(), spec);
            for (Language language : Language.values()) {
                TemplateId id = spec.id(language);
                source.read(id.path()).ifPresent(text -> readTemplate(id, text, spec));
            }
        }
        topics.put(kind, byName);
    }

    private void readTemplate(TemplateId id, String text, TopicSpec spec) {
        TemplateFile.Parsed file = TemplateFile.parse(text);
        file.problems().forEach(p -> problems.add(TemplateProblem.of(id, p)));
        com.samskivert.mustache.Template compiled;
        try {
            compiled = COMPILER.compile(file.body());
        } catch (MustacheException e) {
            broken.put(id, "mustache: " + e.getMessage());
            problems.add(TemplateProblem.of(id, "does not parse: " + e.getMessage()));
            return;
        }
        MustacheNames names = MustacheNames.of(compiled);
        names.problems().forEach(p -> problems.add(TemplateProblem.of(id, p)));
        if (!names.problems().isEmpty()) {
            broken.put(id, String.join("; ", names.problems()));
            return;
        }
        MessageTemplate template = new MessageTemplate(id, file.body(), file.status(), names.all(), file.note());
        templates.put(id, new LoadedTemplate(template, compiled, names, spec));
    }

    Set<TemplateId> brokenIds() {
        return Set.copyOf(broken.keySet());
    }
}
