package org.kunnafoni.store;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kunnafoni.support.FreePorts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Connections bound to event loops: each loop talks to Redis over its own connection, others share one. */
class RedisConnectorLoopTest {
    @TempDir
    static Path dataDir;
    static EmbeddedRedis server;

    @BeforeAll
    static void startRedis() throws Exception {
        server = EmbeddedRedis.start(dataDir, FreePorts.next(), "no");
    }

    @AfterAll
    static void stopRedis() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0} loops")
    @ValueSource(ints = {1, 2, 3})
    void eachLoopHasItsOwnConnection(int loops) throws Exception {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, NioIoHandler.newFactory());
        try (RedisConnector redis = new RedisConnector(server.uri(), Duration.ofSeconds(2))) {
            redis.bindEventLoops(group);
            Set<Long> ids = new HashSet<>();
            long shared = redis.onThisLoop().clientId().get(2, TimeUnit.SECONDS);
            ids.add(shared);
            List<Long> fromLoops = new ArrayList<>();
            group.forEach(executor -> fromLoops.add(clientIdOn((EventLoop) executor, redis)));
            ids.addAll(fromLoops);
            assertThat(ids).hasSize(loops + 1);
            assertThat(fromLoops).hasSize(loops);

            redis.releaseEventLoops();
            assertThat(clientIdOn((EventLoop) group.next(), redis)).isEqualTo(shared);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    /** CLIENT ID sent from inside the loop; waits on the calling (test) thread, never on the loop. */
    private static long clientIdOn(EventLoop loop, RedisConnector redis) {
        CompletableFuture<Long> id = new CompletableFuture<>();
        loop.execute(() -> redis.onThisLoop().clientId().whenComplete((value, error) -> {
            if (error != null) {
                id.completeExceptionally(error);
            } else {
                id.complete(value);
            }
        }));
        return id.orTimeout(5, TimeUnit.SECONDS).join();
    }
}
