package org.kunnafoni.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code triage} command at its boundary: lines in, one JSON object per line out, in order. */
class TriageCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, List<JsonNode> lines) {
    }

    private static Run run(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TriageCommand command = new TriageCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out);
        int exit = new CommandLine(command).execute();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Run(exit, lines);
    }

    @Test
    void plainAndJsonLinesGiveOneResultEachInOrder() throws Exception {
        Run run = run("""
                Des hommes armés ont enlevé deux enfants à Ansongo ce matin
                {"id": "r-2", "text": "Bonjour, je veux du crédit svp"}
                {"id": 3, "text": "ok", "language": "bam"}
                """);
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        JsonNode first = run.lines().get(0);
        assertThat(first.has("id")).isFalse();
        assertThat(first.get("language").asText()).isEqualTo("fra");
        assertThat(first.get("region").asText()).isEqualTo("gao");
        assertThat(first.get("place").asText()).isEqualTo("Ansongo");
        assertThat(first.get("category").asText()).isEqualTo("abduction");
        assertThat(first.get("priority").asText()).isEqualTo("urgent");
        assertThat(first.get("children").asInt()).isEqualTo(2);
        assertThat(first.get("score").asInt()).isBetween(75, 100);
        assertThat(first.get("categories")).isNotEmpty();
        assertThat(first.get("reasons")).isNotEmpty();
        JsonNode second = run.lines().get(1);
        assertThat(second.get("id").asText()).isEqualTo("r-2");
        assertThat(second.get("category").asText()).isEqualTo("not_relevant");
        assertThat(second.get("region").isNull()).isTrue();
        JsonNode third = run.lines().get(2);
        assertThat(third.get("id").asInt()).isEqualTo(3);
        assertThat(third.get("language").asText()).as("too short: the known language").isEqualTo("bam");
    }

    @Test
    void unreadableLinesGetAnErrorAndTheRestStillRuns() throws Exception {
        Run run = run("""
                {"id": 1, "text": 
                {"id": 2}
                {"text": "x", "language": "klingon"}
                école brûlée à Gossi hier soir
                """);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().get(0).get("error").asText()).contains("not valid JSON");
        assertThat(run.lines().get(1).get("error").asText()).contains("\"text\"");
        assertThat(run.lines().get(2).get("error").asText()).contains("klingon");
        assertThat(run.lines().get(3).get("category").asText()).isEqualTo("attack_school_hospital");
    }
}
