package org.kunnafoni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TriageEngine;
import org.kunnafoni.triage.TriageView;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code triage}: the server's triage engine on standard input, no Redis needed. Each line is plain text or a
 * JSON object with {@code text} and optional {@code id} and {@code language} (the sender's known language);
 * each answer is one JSON object on its own line, in order. A line that cannot be read gets an {@code error}
 * object and the command exits 1 at the end.
 */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Triage SMS texts read from standard input; one JSON result per line.")
public final class TriageCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final PrintStream out;

    public TriageCommand() {
        this(System.in, System.out);
    }

    TriageCommand(InputStream in, OutputStream out) {
        this.in = in;
        this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    @Override
    public Integer call() throws Exception {
        TriageEngine engine = TriageEngine.loadDefault();
        boolean failed = false;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            Map<String, Object> answer;
            try {
                answer = triageLine(engine, line);
            } catch (IllegalArgumentException e) {
                failed = true;
                answer = new LinkedHashMap<>();
                answer.put("line", number);
                answer.put("error", e.getMessage());
            }
            out.println(JSON.writeValueAsString(answer));
        }
        out.flush();
        return failed ? 1 : 0;
    }

    private static Map<String, Object> triageLine(TriageEngine engine, String line) {
        String trimmed = line.strip();
        Object id = null;
        String text = line;
        Optional<Language> known = Optional.empty();
        if (trimmed.startsWith("{")) {
            JsonNode node = parse(trimmed);
            JsonNode textNode = node.get("text");
            if (textNode == null || !textNode.isTextual()) {
                throw new IllegalArgumentException("a JSON line needs a \"text\" string");
            }
            text = textNode.asText();
            JsonNode idNode = node.get("id");
            id = idNode == null || idNode.isNull() ? null : idNode.isNumber() ? idNode.numberValue() : idNode.asText();
            JsonNode language = node.get("language");
            if (language != null && !language.isNull()) {
                known = Optional.of(Language.fromCode(language.asText()).orElseThrow(() ->
                        new IllegalArgumentException("unknown language '" + language.asText()
                                + "' (expected fra bam ses ffm taq ara eng)")));
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (id != null) {
            answer.put("id", id);
        }
        answer.putAll(TriageView.of(engine.triage(text, known)));
        return answer;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                throw new IllegalArgumentException("a JSON line must be an object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
    }
}
