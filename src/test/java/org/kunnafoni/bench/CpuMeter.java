package org.kunnafoni.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time spent between two snapshots, by thread group of this JVM and by the redis-server child process: on a
 * shared machine wall time measures the neighbours, CPU time measures us. Threads are grouped by name with
 * trailing numbers removed (kunnafoni-triage-host-1-0 → kunnafoni-triage-host-).
 */
final class CpuMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<Long, Long> threadStart = new TreeMap<>();
    private final long processStart;
    private final long redisStart;
    private final Map<String, Long> vmStart;

    private CpuMeter() {
        for (long id : THREADS.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        processStart = processCpuNanos();
        redisStart = redisCpuNanos();
        vmStart = vmThreadsCpuNanos();
    }

    static CpuMeter start() {
        return new CpuMeter();
    }

    /** CPU milliseconds since start: "process", "redis-server" and each thread group (threads that ended are lost). */
    Map<String, Double> stop() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("process", (processCpuNanos() - processStart) / 1e6);
        out.put("redis-server", (redisCpuNanos() - redisStart) / 1e6);
        Map<String, Double> groups = new TreeMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long now = THREADS.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            String group = info.getThreadName().replaceAll("[0-9]+$", "").replaceAll("[-0-9]+$", "-");
            groups.merge(group, (now - threadStart.getOrDefault(id, 0L)) / 1e6, Double::sum);
        }
        // JIT compiler and GC threads are hidden from ThreadMXBean; /proc names them
        vmThreadsCpuNanos().forEach((group, nanos) ->
                groups.merge(group, (nanos - vmStart.getOrDefault(group, 0L)) / 1e6, Double::sum));
        groups.entrySet().stream().filter(e -> e.getValue() >= 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        out.replaceAll((k, v) -> Math.round(v * 10) / 10.0);
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime of every redis-server child of this JVM, from /proc (Linux). */
    private static long redisCpuNanos() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .mapToLong(p -> procCpuNanos(p.pid())).sum();
    }

    /** CPU of this JVM's compiler and GC threads by kind (C1/C2 compiler, GC workers, G1 concurrent…). */
    private static Map<String, Long> vmThreadsCpuNanos() {
        Map<String, Long> out = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    String kind = comm.startsWith("C2 Compiler") ? "vm: C2 compiler"
                            : comm.startsWith("C1 Compiler") ? "vm: C1 compiler"
                            : comm.startsWith("GC Thread") || comm.startsWith("G1") ? "vm: GC" : null;
                    if (kind != null) {
                        out.merge(kind, procCpuNanos(task.resolve("stat")), Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static long procCpuNanos(long pid) {
        return procCpuNanos(Path.of("/proc/" + pid + "/stat"));
    }

    private static long procCpuNanos(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 0, utime field 11, stime field 12
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return (long) (ticks / TICKS_PER_SECOND * 1e9);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
