package org.kunnafoni.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads grouped by role, from /proc (Linux; empty elsewhere): tells intake (HTTP event
 * loops) from the triage worker, GC and the JIT, which share the same JVM and cores. Thread names as the kernel
 * keeps them (first 15 characters).
 */
final class ThreadCpu {
    /** Clock ticks per second of /proc/…/stat times (USER_HZ, 100 on every Linux the benchmark runs on). */
    private static final long TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    static Map<String, Duration> of(long pid) {
        Map<String, Duration> groups = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> read(task, groups));
        } catch (IOException | RuntimeException gone) {
            // not Linux, or the process ended: no breakdown
        }
        return groups;
    }

    static Map<String, Duration> minus(Map<String, Duration> after, Map<String, Duration> before) {
        Map<String, Duration> delta = new TreeMap<>();
        after.forEach((group, cpu) -> delta.put(group, cpu.minus(before.getOrDefault(group, Duration.ZERO))));
        return delta;
    }

    private static void read(Path task, Map<String, Duration> groups) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // "pid (comm) state …": comm may hold spaces and parentheses, so split after the last ')'
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            groups.merge(group(stat.substring(open + 1, close)), Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND),
                    Duration::plus);
        } catch (IOException | RuntimeException gone) {
            // the thread ended between listing and reading
        }
    }

    static String group(String name) {
        if (name.startsWith("vert.x-eventloo")) {
            return "http_event_loops";
        }
        if (name.startsWith("kunnafoni-triag")) {
            return "triage_workers";
        }
        if (name.startsWith("lettuce")) {
            return "lettuce";
        }
        if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
            return "jit";
        }
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "gc_vm";
        }
        return "other";
    }
}
