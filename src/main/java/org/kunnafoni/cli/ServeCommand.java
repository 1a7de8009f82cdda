package org.kunnafoni.cli;

import org.kunnafoni.app.ConfigException;
import org.kunnafoni.app.ConfigLoader;
import org.kunnafoni.app.DataDirLock;
import org.kunnafoni.app.Gateway;
import org.kunnafoni.app.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Starts the gateway and runs until the process is told to stop (SIGTERM / Ctrl-C), then drains and stops. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the gateway (the default subcommand).")
public final class ServeCommand implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;
    static final int DATA_DIR_IN_USE = 3;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: ${DEFAULT-VALUE}; "
            + "the copy shipped in the jar when it does not exist).", defaultValue = "config/gateway.yaml")
    Path configFile;

    @Override
    public Integer call() throws Exception {
        GatewayConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv());
        } catch (ConfigException e) {
            System.err.println("kunnafoni: " + e.getMessage());
            return CONFIG_ERROR;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(config, InstantSource.system());
        } catch (DataDirLock.InUse e) {
            System.err.println("kunnafoni: " + e.getMessage());
            return DATA_DIR_IN_USE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "kunnafoni-shutdown"));
        stopped.await();
        return 0;
    }
}
