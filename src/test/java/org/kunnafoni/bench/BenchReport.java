package org.kunnafoni.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes one benchmark's figures, the machine and the command that reproduces them to target/bench/. */
final class BenchReport {
    private BenchReport() {
    }

    static Map<String, Object> start(String benchmark, String command) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", benchmark);
        report.put("command", command);
        report.put("machine", MachineInfo.collect("wrk"));
        report.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        return report;
    }

    static Path write(String name, Map<String, Object> report) throws IOException {
        report.put("loadavg_after", MachineInfo.loadAverage());
        Path file = Path.of("target", "bench", name + ".json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        System.out.println(new ObjectMapper().writeValueAsString(report));
        return file;
    }

    /** Forgets earlier heap peaks, so {@link #peakHeap()} covers only what follows. */
    static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap high-water mark since the last reset. */
    static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
