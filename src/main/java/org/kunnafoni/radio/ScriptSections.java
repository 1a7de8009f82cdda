package org.kunnafoni.radio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a radio script, marked in the template by {@code ## opening}, {@code ## key messages},
 * {@code ## call to action} and {@code ## closing} lines. The markers guide the presenter on the printed page;
 * only the text under them is read on air (and timed).
 */
public record ScriptSections(Map<String, String> sections) {
    public static final List<String> REQUIRED = List.of("opening", "key messages", "call to action", "closing");

    public ScriptSections {
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    public static ScriptSections parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("## ")) {
                put(out, current, body);
                current = line.substring(3).trim().toLowerCase(Locale.ROOT);
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        put(out, current, body);
        return new ScriptSections(out);
    }

    private static void put(Map<String, String> out, String name, StringBuilder body) {
        String text = body.toString().strip();
        if (name != null || !text.isEmpty()) {
            out.put(name == null ? "" : name, text);
        }
    }

    /** Required sections that are absent or empty, in script order. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (sections.getOrDefault(name, "").isBlank()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** What the presenter reads aloud: every section's text, without the markers. */
    public String spoken() {
        return String.join("\n\n", sections.values());
    }
}
