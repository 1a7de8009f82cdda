package org.kunnafoni;

import org.kunnafoni.cli.SegmentsCommand;
import org.kunnafoni.cli.EvalLangidCommand;
import org.kunnafoni.cli.EvalTriageCommand;
import org.kunnafoni.cli.TriageCommand;
import org.kunnafoni.cli.ServeCommand;
import org.kunnafoni.cli.TemplatesCommand;
import org.kunnafoni.cli.TrainLangidCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code kunnafoni.jar}: {@code serve} unless another subcommand is named. */
@Command(name = "kunnafoni", mixinStandardHelpOptions = true, version = "kunnafoni 0.1",
        description = "SMS and radio community alerting gateway for child protection.",
        subcommands = {
                ServeCommand.class,
                TriageCommand.class,
                EvalTriageCommand.class,
                SegmentsCommand.class,
                TrainLangidCommand.class,
                org.kunnafoni.cli.TrainTriageModelCommand.class,
                EvalLangidCommand.class,
                TemplatesCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; {@code serve} is the default subcommand. */
    public static int run(String... args) {
        String[] effective = args.length == 0 || args[0].startsWith("--") && !isTopLevelOption(args[0])
                ? prepend("serve", args) : args;
        return new CommandLine(new Main()).execute(effective);
    }

    private static boolean isTopLevelOption(String arg) {
        return arg.equals("--help") || arg.equals("--version");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
