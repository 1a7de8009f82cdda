package org.kunnafoni.bench;

import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.Alert;
import org.kunnafoni.intake.AlertQueue;
import org.kunnafoni.store.EmbeddedRedis;
import org.kunnafoni.store.RedisAlertQueue;
import org.kunnafoni.store.RedisConnector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * What the per-sender limit costs Redis: the intake script (dedupe + XADD, plus the sender counter when the
 * limit is on) run against a fresh embedded Redis with appendfsync always, 64 appends in flight, and the
 * redis-server's CPU time per append. Redis CPU, unlike requests per second, barely depends on what else runs.
 * Usage: {@code java -cp target/kunnafoni.jar:target/test-classes org.kunnafoni.bench.IngestScriptCost [appends]}
 */
public final class IngestScriptCost {
    private static final int IN_FLIGHT = 64;

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf("intake script, %,d appends per case, appendfsync always: redis-server CPU us/append%n",
                appends);
        for (int round = 0; round < 2; round++) {
            for (Case c : List.of(new Case("limit off", 0, appends), new Case("limit 30, every sender new", 30, appends),
                    new Case("limit 30, 1,000 senders", 30, 1_000), new Case("limit off, 1,000 senders", 0, 1_000))) {
                System.out.printf("  round %d  %-28s %6.2f%n", round + 1, c.name(), run(c, appends));
            }
        }
    }

    private record Case(String name, int limit, int senders) {
    }

    private static double run(Case c, int appends) throws Exception {
        Path dir = Files.createTempDirectory("kunnafoni-script-cost-");
        try (EmbeddedRedis redis = EmbeddedRedis.start(dir, 0, "always");
             RedisConnector connector = new RedisConnector(redis.uri(), Duration.ofSeconds(10))) {
            AlertQueue queue = new RedisAlertQueue(connector, Duration.ofHours(48), c.limit(), Duration.ofMinutes(10));
            append(queue, appends / 5, c.senders(), "warm"); // loads the script, warms the JIT
            Duration before = redisCpu();
            append(queue, appends, c.senders(), "run");
            return (redisCpu().minus(before).toNanos() / 1000.0) / appends;
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void append(AlertQueue queue, int count, int senders, String prefix) throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> last = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            window.acquire();
            String sender = "R-" + String.format("%010d", i % senders);
            InboundMessage m = new InboundMessage("twilio", InboundMessage.Kind.SMS, prefix + "-SM" + i,
                    "+2237" + (1_000_000 + i % senders), "+15005550006",
                    "Des hommes armés ont enlevé des enfants près de Boni ce matin", Instant.now(), Optional.empty());
            CompletionStage<AlertQueue.EnqueueResult> stored = queue.append(new Alert(m, sender, "v1:" + "x".repeat(60)));
            CompletableFuture<?> done = stored.toCompletableFuture().whenComplete((r, e) -> window.release());
            if (i >= count - IN_FLIGHT) {
                last.add(done);
            }
        }
        CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).join();
    }

    private static Duration redisCpu() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(cmd -> cmd.contains("redis-server")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
