package org.kunnafoni.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code templates check}: tools for the outbound message templates. */
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Work with the awareness and radio message templates.",
        subcommands = TemplatesCheckCommand.class)
public final class TemplatesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand, e.g. 'templates check'");
    }
}
