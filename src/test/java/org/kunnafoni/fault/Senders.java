package org.kunnafoni.fault;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sustained inbound load from a few threads, each posting numbered alerts until stopped, remembering which provider
 * message ids were acknowledged (HTTP 200) and which were refused. A post that fails (the process is gone) stops
 * only that post; the thread goes on with the next one.
 */
final class Senders implements AutoCloseable {
    /** Posts one alert with provider id {@code sid} from sender {@code thread}; answers the HTTP response. */
    @FunctionalInterface
    interface Post {
        HttpResponse<String> send(int thread, String sid, int n) throws Exception;
    }

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failedPosts = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final List<java.util.concurrent.Future<?>> loops = new ArrayList<>();

    Senders(int threads, String prefix, Post post) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            loops.add(pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String sid = prefix + thread + "x" + i;
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> response = post.send(thread, sid, i);
                        (response.statusCode() == 200 ? acknowledged : refused).add(sid);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failedPosts.incrementAndGet();
                    }
                }
            }));
        }
    }

    void stop() throws Exception {
        running.set(false);
        for (java.util.concurrent.Future<?> loop : loops) {
            loop.get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
