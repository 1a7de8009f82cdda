package org.kunnafoni.fault;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** POSIX signals to a child process by its id (SIGSTOP freezes it so a test can look at Redis before the kill). */
final class Signals {
    private Signals() {
    }

    static void send(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed");
        }
    }
}
