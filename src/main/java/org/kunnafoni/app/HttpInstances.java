package org.kunnafoni.app;

/** How many HTTP event loops serve requests: {@code http.instances}, or a default from the machine. */
public final class HttpInstances {
    private HttpInstances() {
    }

    /**
     * @param configured    {@code http.instances}; 0 picks the default
     * @param embeddedRedis whether the embedded Redis runs on this machine
     * @param cores         the processors this JVM may use
     * @return {@code configured} when set; else one per core, less one core left to the embedded Redis, which
     * serves every request too (the ingest benchmark, docs/benchmarks.md: on 2 cores one loop took 15 % more
     * webhooks than two, with a lower p99); never fewer than one
     */
    public static int resolve(int configured, boolean embeddedRedis, int cores) {
        if (configured > 0) {
            return configured;
        }
        return Math.max(1, embeddedRedis ? cores - 1 : cores);
    }
}
