package org.kunnafoni.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the figures depend on: cores, CPU, memory, OS, Java, wrk, and how busy the machine was. */
final class MachineInfo {
    private MachineInfo() {
    }

    static Map<String, Object> collect(String wrk) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("nproc", Runtime.getRuntime().availableProcessors());
        info.put("cpu_model", firstValue(Path.of("/proc/cpuinfo"), "model name", ':'));
        info.put("mem_total", firstValue(Path.of("/proc/meminfo"), "MemTotal", ':'));
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        info.put("os_release", firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '='));
        info.put("java_version", System.getProperty("java.runtime.version"));
        info.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        info.put("wrk_version", wrkVersion(wrk));
        info.put("loadavg_before", loadAverage());
        return info;
    }

    /** The 1, 5 and 15 minute load averages: other work on a 2-core machine changes every figure. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", List.of(parts).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key, char separator) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(separator) + 1).trim().replace("\"", ""))
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String wrkVersion(String wrk) {
        try {
            Process process = new ProcessBuilder(wrk, "-v").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().findFirst().orElse("unknown");
            process.waitFor(5, TimeUnit.SECONDS);
            return first.trim();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
