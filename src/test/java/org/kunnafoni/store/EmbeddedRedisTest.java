package org.kunnafoni.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The embedded Redis the gateway starts for itself. */
class EmbeddedRedisTest {
    @TempDir
    Path data;

    /**
     * A terminal's Ctrl-C signals the gateway's whole process group; Redis, in a session of its own, must not get it
     * (it would stop while the gateway still drains), yet it must still stop with the gateway.
     */
    @Test
    void runsInASessionOfItsOwnAndStillStopsWithTheGateway() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        assumeTrue(Arrays.stream(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "setsid"))),
                "needs setsid (util-linux)");
        long pid;
        try (EmbeddedRedis redis = EmbeddedRedis.start(data, 0, "always")) {
            pid = Long.parseLong(Files.readString(data.resolve("redis/redis.pid")).trim());
            assertThat(ProcessHandle.of(pid).flatMap(p -> p.info().command())).get().asString().contains("redis-server");
            assertThat(session(pid)).as("Redis's session").isNotEqualTo(session(ProcessHandle.current().pid()));
            try (RedisConnector client = new RedisConnector(redis.uri(), Duration.ofSeconds(2))) {
                assertThat(client.ping().toCompletableFuture().get()).isTrue();
            }
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("Redis still running").isFalse();
    }

    /** Field 6 of /proc/<pid>/stat, after the parenthesised command name (which may hold spaces). */
    private static long session(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[3]);
    }
}
