package org.kunnafoni.text.template;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict binding of the caller's values to a template: a missing value, a blank one printed in the text, or
 * one longer than its declared maximum is an error naming the variable. An SMS with a hole ("write to ") or
 * longer than its checked budget must never leave the gateway.
 */
final class VariableBinder {
    private VariableBinder() {
    }

    static Map<String, String> bind(LoadedTemplate loaded, Map<String, ?> values) {
        Map<String, String> bound = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : loaded.names().all()) {
            Object value = values.get(name);
            String text = value == null ? null : Normalizer.normalize(value.toString(), Normalizer.Form.NFC);
            VariableSpec spec = loaded.topic().variables().get(name);
            if (text == null) {
                problems.add(name + " is missing");
            } else if (text.isBlank() && loaded.names().printed().contains(name)) {
                problems.add(name + " is blank");
            } else if (spec != null && text.length() > spec.maxLength()) {
                problems.add(name + " is " + text.length() + " characters, more than its max-length "
                        + spec.maxLength());
            } else {
                bound.put(name, text);
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(loaded.template().id() + ": " + String.join("; ", problems));
        }
        return bound;
    }

    /** The longest values the template can receive: each declared sample padded to its max-length. */
    static Map<String, String> worstCase(LoadedTemplate loaded) {
        Map<String, String> values = new HashMap<>();
        for (String name : loaded.names().all()) {
            VariableSpec spec = loaded.topic().variables().get(name);
            values.put(name, spec == null ? name : pad(spec.sample(), spec.maxLength()));
        }
        return values;
    }

    private static String pad(String sample, int length) {
        return sample.length() >= length ? sample : sample + " ".repeat(length - sample.length());
    }
}
