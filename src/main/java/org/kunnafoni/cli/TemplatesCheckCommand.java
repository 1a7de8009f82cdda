package org.kunnafoni.cli;

import org.kunnafoni.text.template.CheckReport;
import org.kunnafoni.text.template.TemplateChecker;
import org.kunnafoni.text.template.TemplateLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Validates every template and prints one table line per template; exit code 1 when anything is wrong. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check every template: header and status, mustache syntax, declared variables, required",
                "languages (approved or reached through a declared fallback), encoding and segments with the",
                "longest variable values. Exit code 0 when all pass, 1 when there are problems."})
public final class TemplatesCheckCommand implements Callable<Integer> {
    static final int EXIT_PROBLEMS = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "FOLDER",
            description = "Templates folder (default: ./message-templates if present, else the copy in the jar).")
    Path dir;

    @Override
    public Integer call() {
        TemplateLibrary library = dir == null ? TemplateLibrary.loadDefault() : TemplateLibrary.load(dir);
        CheckReport report = new TemplateChecker().report(library);
        PrintWriter out = spec.commandLine().getOut();
        out.print(CheckTable.format(report));
        out.flush();
        return report.passed() ? 0 : EXIT_PROBLEMS;
    }
}
