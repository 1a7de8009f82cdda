package org.kunnafoni.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.Main;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesCommandTest {
    private record Run(int exit, String out, String err) {
    }

    @TempDir
    Path dir;

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "message-templates | 0 | awareness/how_to_report               fra   approved  fra    gsm7      2 ",
            "message-templates | 0 | 0 problems",
            "broken            | 1 | awareness/greet  fra   approved  fra    ucs2      1         8      "
                    + "must be GSM-7 but is UCS-2: 'ô'",
            "broken            | 1 | awareness/greet  bam   missing   -      -         -         -      "
                    + "required language without an approved text",
            "broken            | 1 | problem: awareness/greet/fr.txt: not read: 'fr' is not a language code",
            "broken            | 1 | 2 rows, 3 problems",
    })
    void checksAFolderAndPrintsATable(String folder, int exit, String expectedLine) throws IOException {
        Path target = folder.equals("broken") ? broken() : Path.of(folder);
        Run run = run("templates", "check", "--dir", target.toString());
        assertThat(run.exit()).isEqualTo(exit);
        assertThat(run.out()).startsWith("templates: " + target.toAbsolutePath().normalize())
                .contains("TOPIC").contains(expectedLine);
    }

    @ParameterizedTest
    @CsvSource({"templates, name a subcommand", "templates check --bogus, Unknown option"})
    void usageErrorsExitWith2(String args, String message) {
        Run run = run(args.split(" "));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    private Path broken() throws IOException {
        Files.createDirectories(dir.resolve("awareness/greet"));
        Files.writeString(dir.resolve("awareness/topics.yaml"), """
                variables: {hotline: {sample: "123", max-length: 3}}
                defaults: {variables: [hotline], required-languages: [fra, bam], gsm7-languages: [fra]}
                topics: {greet: }
                """);
        Files.writeString(dir.resolve("awareness/greet/fra.txt"), "---\nstatus: approved\n---\nCôte {{hotline}}\n");
        Files.writeString(dir.resolve("awareness/greet/fr.txt"), "x");
        return dir;
    }
}
