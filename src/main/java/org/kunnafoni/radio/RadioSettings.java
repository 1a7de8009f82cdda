package org.kunnafoni.radio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Reads {@code config/radio.yaml}: reading rates per language. */
public final class RadioSettings {
    private RadioSettings() {
    }

    public static ReadingTime loadDefault() {
        try (InputStream in = RadioSettings.class.getResourceAsStream("/config/radio.yaml")) {
            if (in == null) {
                throw new IllegalStateException("config/radio.yaml is missing from the class path");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadingTime parse(JsonNode root) {
        JsonNode rates = root.path("words-per-minute");
        Map<Language, Integer> perLanguage = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rates.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("default")) {
                Language language = Language.fromCode(e.getKey()).orElseThrow(() ->
                        new IllegalStateException("config/radio.yaml: unknown language " + e.getKey()));
                perLanguage.put(language, e.getValue().asInt());
            }
        }
        return new ReadingTime(perLanguage, rates.path("default").asInt(120));
    }
}
