package org.kunnafoni.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one fault test, printed and written to {@code target/bench/faults.json}: an array with one object
 * per test (a rerun replaces that test's object), each saying what was broken, the counts and the recovery time.
 */
final class FaultReport {
    static final Path FILE = Path.of("target", "bench", "faults.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> fields = new LinkedHashMap<>();

    FaultReport(String test, String what) {
        fields.put("test", test);
        fields.put("what", what);
    }

    FaultReport put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Adds the time and machine load, prints the object and merges it into the file. */
    synchronized void write() throws IOException {
        fields.put("at", Instant.now().toString());
        fields.put("load_average", Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                * 100) / 100.0);
        fields.put("cpus", Runtime.getRuntime().availableProcessors());
        ObjectNode entry = JSON.valueToTree(fields);
        System.out.println("fault figures: " + entry);
        synchronized (FaultReport.class) {
            Files.createDirectories(FILE.getParent());
            ArrayNode all = Files.exists(FILE) && JSON.readTree(FILE.toFile()) instanceof ArrayNode existing
                    ? existing : JSON.createArrayNode();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (entry.get("test").equals(all.get(i).get("test"))) {
                    all.remove(i);
                }
            }
            all.add(entry);
            JSON.writeValue(FILE.toFile(), all);
        }
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }
}
