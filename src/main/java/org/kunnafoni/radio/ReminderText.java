package org.kunnafoni.radio;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SMS that reminds a station to confirm a broadcast: {@code message-templates/replies/radio_reminder/<lang>.txt}
 * with {@code {{date}}} (local air time), {@code {{script}}} and {@code {{code}}}. French must exist; a station
 * gets the first of its languages that has a text, French otherwise. Rendering is strict: a missing variable is an
 * error, never a hole in the SMS.
 */
public final class ReminderText {
    static final Language FALLBACK = Language.FRA;
    private static final String ROOT = "/message-templates/replies/radio_reminder/";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).strictSections(true);

    private final Map<Language, Template> templates;

    private ReminderText(Map<Language, Template> templates) {
        this.templates = templates;
    }

    public static ReminderText loadDefault() {
        return of(language -> read(ROOT + language.code() + ".txt"));
    }

    /** From any source of texts; {@code source} answers empty for a language without one. */
    public static ReminderText of(Function<Language, Optional<String>> source) {
        Map<Language, Template> templates = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            source.apply(language).ifPresent(text -> templates.put(language,
                    COMPILER.compile(Normalizer.normalize(text.strip(), Normalizer.Form.NFC))));
        }
        if (!templates.containsKey(FALLBACK)) {
            throw new IllegalStateException("radio_reminder/" + FALLBACK.code() + ".txt is missing");
        }
        return new ReminderText(templates);
    }

    public Language languageFor(RadioPartner partner) {
        return partner.languages().stream().filter(templates::containsKey).findFirst().orElse(FALLBACK);
    }

    public String render(RadioPartner partner, RadioScript script) {
        Map<String, Object> variables = Map.of("date", WHEN.format(script.airAt().atZone(AirTimes.BAMAKO)),
                "script", script.id(), "code", script.code());
        try {
            return templates.get(languageFor(partner)).execute(variables).strip();
        } catch (MustacheException e) {
            throw new IllegalStateException("radio_reminder/" + languageFor(partner).code() + ".txt: " + e.getMessage(),
                    e);
        }
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = ReminderText.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
