package org.kunnafoni.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Starts the gateway (placeholder until the app wiring lands in this same change set). */
@Command(name = "serve", description = "Start the gateway (the default).")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
