package org.kunnafoni.bench;

import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue;
import org.kunnafoni.store.RedisAlertQueue;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.ReplicaWait;
import org.kunnafoni.support.RedisReplicaSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * What {@code redis.wait-replicas 1} costs per acknowledged alert: the intake script on a master with one replica
 * (both local, no persistence), with and without WAIT, one append at a time (the latency one webhook sees) and with
 * 64 in flight (WAITs shared by the appends answered meanwhile). Prints wall µs per alert and CPU µs per alert of
 * this JVM and of both redis-servers, with the load average: on a shared machine CPU time is the steadier figure.
 * Usage: {@code java -cp target/classes:target/test-classes:<deps> org.kunnafoni.bench.ReplicaWaitCost [appends]}
 */
public final class ReplicaWaitCost {
    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("kunnafoni-wait-cost-");
        try (RedisReplicaSet redis = RedisReplicaSet.start(dir)) {
            System.out.printf("WAIT cost, master + 1 replica on loopback, %,d appends per case; load average %s%n",
                    appends, loadAverage());
            for (int round = 1; round <= 2; round++) {
                for (int inFlight : new int[] {1, 64}) {
                    for (int replicas : new int[] {0, 1}) {
                        int count = inFlight == 1 ? appends / 4 : appends;
                        System.out.printf("  round %d  wait-replicas %d  in flight %2d  %s%n", round, replicas,
                                inFlight, run(redis, replicas, inFlight, count, "r" + round + "-" + inFlight + "-"
                                        + replicas));
                    }
                }
            }
            System.out.printf("load average after: %s%n", loadAverage());
        }
    }

    private static String run(RedisReplicaSet redis, int replicas, int inFlight, int count, String prefix)
            throws Exception {
        try (RedisConnector connector = new RedisConnector(redis.uri(0), Duration.ofSeconds(10))) {
            AlertQueue queue = new RedisAlertQueue(connector, Duration.ofHours(48), 0, Duration.ofMinutes(10),
                    new ReplicaWait(replicas, Duration.ofSeconds(1)));
            append(queue, count / 5, inFlight, prefix + "-warm"); // loads the script, warms the JIT
            CpuMeter cpu = CpuMeter.start();
            long start = System.nanoTime();
            append(queue, count, inFlight, prefix);
            double wall = (System.nanoTime() - start) / 1000.0 / count;
            Map<String, Double> used = cpu.stop();
            return String.format("wall %7.1f us/alert   cpu: jvm %6.1f  redis %6.1f us/alert", wall,
                    used.get("process") * 1000 / count, used.get("redis-server") * 1000 / count);
        }
    }

    private static void append(AlertQueue queue, int count, int inFlight, String prefix) throws Exception {
        Semaphore window = new Semaphore(inFlight);
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            window.acquire();
            InboundMessage m = new InboundMessage("twilio", InboundMessage.Kind.SMS, prefix + "-SM" + i,
                    "+2237" + (1_000_000 + i), "+15005550006",
                    "Des hommes armés ont enlevé des enfants près de Boni ce matin", Instant.now(), Optional.empty());
            all.add(queue.append(new Alert(m, "R-" + i, "v1:" + "x".repeat(60))).toCompletableFuture()
                    .whenComplete((r, e) -> window.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (Exception e) {
            return "unknown";
        }
    }
}
