package org.kunnafoni.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kunnafoni.Main;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SegmentsCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new SegmentsCommand(new ByteArrayInputStream(stdin), out, err)).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> lines() {
        return Stream.of(
                arguments("Bonjour\n", false, "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":7}\n"),
                arguments("no final newline", false, "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":16}\n"),
                arguments("a\r\n\r\n€\n", false, "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":1}\n"
                        + "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":0}\n"
                        + "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":2}\n"),
                arguments("\uFEFFBOM\n", false, "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":3}\n"),
                arguments("", false, ""),
                arguments("سلام\n", false, "{\"encoding\":\"ucs2\",\"segments\":1,\"units\":4}\n"),
                arguments("ç".repeat(71) + "\n", false, "{\"encoding\":\"ucs2\",\"segments\":2,\"units\":71}\n"),
                arguments("Mɔgɔ\n", true, "{\"encoding\":\"ucs2\",\"segments\":1,\"units\":4,"
                        + "\"gsm7\":{\"text\":\"Mògò\",\"encoding\":\"gsm7\",\"segments\":1,\"units\":4}}\n"),
                arguments("Fête \"à\" l’école\n", true, "{\"encoding\":\"ucs2\",\"segments\":1,\"units\":16,"
                        + "\"gsm7\":{\"text\":\"Fete \\\"à\\\" l'école\",\"encoding\":\"gsm7\",\"segments\":1,\"units\":16}}\n"),
                arguments("Bonjour\n", true, "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":7,"
                        + "\"gsm7\":{\"text\":\"Bonjour\",\"encoding\":\"gsm7\",\"segments\":1,\"units\":7}}\n"));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void printsOneJsonObjectPerLine(String stdin, boolean transliterate, String expected) {
        Run run = transliterate ? run(utf8(stdin), "--transliterate") : run(utf8(stdin));
        assertThat(run).isEqualTo(new Run(0, expected, ""));
    }

    @Test
    void invalidUtf8StopsWithAnErrorAndNoPartialLine() {
        byte[] stdin = {'o', 'k', '\n', 'b', 'a', (byte) 0xC3, '(', '\n', 'l', 'a', 't', 'e', 'r', '\n'};
        Run run = run(stdin, "--transliterate");
        assertThat(run.exit()).isEqualTo(SegmentsCommand.EXIT_BAD_INPUT);
        assertThat(run.out()).isEqualTo("{\"encoding\":\"gsm7\",\"segments\":1,\"units\":2,"
                + "\"gsm7\":{\"text\":\"ok\",\"encoding\":\"gsm7\",\"segments\":1,\"units\":2}}\n");
        assertThat(run.err()).contains("line 2").contains("not valid UTF-8");
    }

    @Test
    void isASubcommandOfMain() {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(utf8("ɲɛ\n")));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.run("segments", "--transliterate")).isZero();
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"encoding\":\"ucs2\",\"segments\":1,\"units\":2,"
                + "\"gsm7\":{\"text\":\"nyè\",\"encoding\":\"gsm7\",\"segments\":1,\"units\":3}}\n");
    }
}
