package org.kunnafoni.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.kunnafoni.store.RedisKeys;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the gateway from outside: its JVM heap through JMX (the local management agent, started by attaching, so the
 * gateway runs exactly as shipped), RSS and CPU from /proc, Redis memory and queue lengths, and its own counters
 * from /metrics. "Live heap" is the heap used right after the last collection, the figure that grows when
 * something leaks; "heap used" also counts garbage not yet collected and saw-tooths.
 */
final class SoakProbe implements AutoCloseable {
    private static final double TICKS_PER_SECOND = 100.0;
    private static final List<String> METRICS = List.of("kunnafoni_intake_alerts_stored_total",
            "kunnafoni_intake_spooled_total", "kunnafoni_spool_depth", "kunnafoni_triage_processed_total",
            "kunnafoni_triage_failures_total", "kunnafoni_triage_dead_lettered_total", "kunnafoni_triage_lag_seconds",
            "kunnafoni_triage_pending", "kunnafoni_leads_opened_total", "kunnafoni_leads_attached_total");

    private final long gatewayPid;
    private final URI metricsUrl;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redis;
    private final JMXConnector jmx;
    private final MemoryMXBean memory;
    private final List<GarbageCollectorMXBean> collectors;
    private final Set<String> heapPools;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SoakProbe(long gatewayPid, URI metricsUrl, int redisPort) throws Exception {
        this.gatewayPid = gatewayPid;
        this.metricsUrl = metricsUrl;
        this.redisClient = RedisClient.create("redis://127.0.0.1:" + redisPort);
        this.redis = redisClient.connect();
        VirtualMachine vm = VirtualMachine.attach(Long.toString(gatewayPid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        this.jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = jmx.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                MemoryMXBean.class);
        this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
        this.heapPools = Set.copyOf(ManagementFactory.getPlatformMXBeans(server, MemoryPoolMXBean.class).stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).toList());
    }

    /** The gateway JVM's heap: used now, committed, live after the last GC, and collections so far. */
    Map<String, Object> heap() {
        Map<String, Object> out = new LinkedHashMap<>();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        out.put("used_bytes", heap.getUsed());
        out.put("committed_bytes", heap.getCommitted());
        out.put("max_bytes", heap.getMax());
        GcInfo latest = null;
        long count = 0;
        long millis = 0;
        Map<String, Long> byCollector = new TreeMap<>();
        for (GarbageCollectorMXBean gc : collectors) {
            count += gc.getCollectionCount();
            millis += gc.getCollectionTime();
            byCollector.put(gc.getName(), gc.getCollectionCount());
            GcInfo info = gc.getLastGcInfo();
            if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
                latest = info;
            }
        }
        out.put("live_after_last_gc_bytes", latest == null ? null : latest.getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum());
        out.put("gc_count", count);
        out.put("gc_time_ms", millis);
        out.put("gc_by_collector", byCollector);
        return out;
    }

    /** VmRSS and VmHWM of a process, in bytes, from /proc/<pid>/status. */
    static Map<String, Long> rss(long pid) {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
                    String[] parts = line.split("\\s+");
                    out.put(line.startsWith("VmRSS") ? "rss_bytes" : "rss_peak_bytes", Long.parseLong(parts[1]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            out.put("rss_bytes", -1L);
        }
        return out;
    }

    /** utime + stime of one process in milliseconds, from /proc/<pid>/stat. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND * 1000);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The embedded redis-server started by the gateway. */
    Optional<Long> redisPid() {
        return ProcessHandle.of(gatewayPid).stream().flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    /** used_memory and friends from INFO memory, the stream lengths and the delayed-dispatch set. */
    Map<String, Object> redis() {
        RedisCommands<String, String> sync = redis.sync();
        Map<String, Object> out = new LinkedHashMap<>();
        String info = sync.info("memory");
        for (String key : List.of("used_memory", "used_memory_rss", "used_memory_peak", "mem_fragmentation_ratio")) {
            out.put(key, infoValue(info, key));
        }
        out.put("intake_stream_length", sync.xlen(RedisKeys.INTAKE_STREAM));
        out.put("intake_dead_letters", sync.xlen(RedisKeys.INTAKE_DEAD_LETTERS));
        out.put("dispatch_stream_length", sync.xlen(RedisKeys.DISPATCH_STREAM));
        out.put("dispatch_delayed", sync.zcard(RedisKeys.DISPATCH_DELAYED));
        out.put("leads", sync.zcard(RedisKeys.LEADS_BY_SCORE));
        out.put("keys", sync.dbsize());
        return out;
    }

    long intakeLength() {
        return redis.sync().xlen(RedisKeys.INTAKE_STREAM);
    }

    private static Object infoValue(String info, String key) {
        return info.lines().filter(l -> l.startsWith(key + ":")).findFirst()
                .map(l -> l.substring(key.length() + 1).trim())
                .map(v -> v.matches("\\d+") ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v)).orElse(null);
    }

    /** The gateway's own counters of intake, triage and leads (Prometheus text), by name. */
    Map<String, Double> metrics() {
        Map<String, Double> out = new TreeMap<>();
        try {
            String text = http.send(HttpRequest.newBuilder(metricsUrl).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            text.lines().filter(l -> !l.startsWith("#")).forEach(line -> {
                int space = line.lastIndexOf(' ');
                String name = space > 0 ? line.substring(0, space) : line;
                if (METRICS.contains(name) || name.startsWith("kunnafoni_twilio_status_callbacks_total")
                        || name.startsWith("kunnafoni_dispatch")) {
                    out.put(name, Double.parseDouble(line.substring(space + 1)));
                }
            });
        } catch (IOException | RuntimeException e) {
            out.put("unreachable", 1.0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        jmx.close();
        redis.close();
        redisClient.shutdown();
    }
}
