package org.kunnafoni.bench;

import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.dispatch.PlannedRecipient;
import org.kunnafoni.dispatch.RunPlan;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDispatchQueue;
import org.kunnafoni.store.RedisDispatchStore;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisRunPlans;
import org.kunnafoni.support.GatewayFixture;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway in this JVM (embedded Redis with the shipped appendfsync always, no triage workers) whose Twilio
 * channel points at a {@link FakeTwilio}, with a few subscribers, and helpers to plan and queue dispatches to them
 * through the production stores. The clock is shifted to about noon in Bamako so quiet hours never interfere.
 */
final class DispatchBench implements AutoCloseable {
    /** GSM-7 and under 160 characters: one segment, so messages/s equal segments/s (an accent such as û → UCS-2, 2). */
    static final String BODY = "Kunnafoni: les ecoles sont des lieux surs. Un enfant en danger? Envoyez un SMS au 36000.";

    final FakeTwilio twilio;
    final GatewayFixture gateway;
    final RedisConnector redis;
    final RedisDispatchStore store;
    final RedisDispatchQueue queue;
    final List<String> pseudonyms = new ArrayList<>();
    final RedisRunPlans runPlans;
    private final java.util.Set<String> plans = new java.util.HashSet<>();
    private final Map<String, PlannedRecipient> planned = new HashMap<>();
    final Clock clock;

    DispatchBench(int capacity, Map<String, String> dispatchEnv, int subscribers) throws Exception {
        twilio = new FakeTwilio(capacity);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Instant now = Instant.now();
        clock = Clock.offset(Clock.systemUTC(), Duration.between(now, now.truncatedTo(ChronoUnit.DAYS).plusSeconds(43_200)));
        Map<String, String> env = new HashMap<>(Map.of(
                "KUNNAFONI_TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT,
                "KUNNAFONI_TWILIO_FROM", "KUNNAFONI",
                "KUNNAFONI_TWILIO_API_BASE_URL", twilio.baseUrl(),
                "KUNNAFONI_TRIAGE_WORKERS", "0",
                "KUNNAFONI_DATA_KEY", Base64.getEncoder().encodeToString(key),
                "KUNNAFONI_REDIS_COMMAND_TIMEOUT", "5s"));
        // -Dbench.appendfsync=everysec to see what the shipped fsync-always costs
        env.put("KUNNAFONI_REDIS_EMBEDDED_APPENDFSYNC", System.getProperty("bench.appendfsync", "always"));
        env.putAll(dispatchEnv);
        gateway = new GatewayFixture(Files.createTempDirectory("kunnafoni-dispatch-bench"), env, clock);
        redis = new RedisConnector(gateway.gateway().redisUri(), Duration.ofSeconds(10));
        store = new RedisDispatchStore(redis);
        queue = new RedisDispatchQueue(redis, Duration.ofMinutes(3));
        runPlans = new RedisRunPlans(redis);
        PhoneProtector phones = new PhoneProtector(key);
        for (int i = 0; i < subscribers; i++) {
            String phone = String.format("+2237600%04d", i);
            gateway.postTwilio(GatewayFixture.twilioSms(String.format("SMsub%030d", i), phone, "ABONNER GAO FRA"));
            String pseudonym = phones.pseudonym(phone);
            if (gateway.redis().exists(RedisKeys.subscriber(pseudonym)) != 1) {
                throw new IllegalStateException("subscription " + i + " not stored");
            }
            pseudonyms.add(pseudonym);
        }
    }

    /**
     * N recipients planned the way a campaign fan-out plans them (lazily: a stored run plan per run and sender, the
     * dispatch created by the worker that takes the entry), not queued yet; spread over {@code senders} sender ids.
     * Answers the dispatch ids the workers will create.
     */
    List<String> plan(String prefix, int n, int senders) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String run = prefix + "-" + (i / pseudonyms.size()) + "-s" + (i % senders);
            if (plans.add(run)) {
                runPlans.save(new RunPlan(run, "twilio", "KUNNAFONI-" + (i % senders), Map.of("fra", BODY),
                        Optional.empty())).toCompletableFuture().join();
            }
            PlannedRecipient r = new PlannedRecipient(run, pseudonyms.get(i % pseudonyms.size()), "gao", "fra");
            planned.put(r.dispatchId(), r);
            ids.add(r.dispatchId());
        }
        return ids;
    }

    void enqueue(List<String> ids) {
        for (int from = 0; from < ids.size(); from += 1_000) {
            queue.enqueuePlanned(ids.subList(from, Math.min(ids.size(), from + 1_000)).stream().map(planned::get)
                    .toList()).toCompletableFuture().join();
        }
    }

    /** Dispatch count by state. */
    Map<String, Integer> states(List<String> ids) {
        Map<String, Integer> states = new HashMap<>();
        List<java.util.concurrent.CompletableFuture<String>> reads = ids.stream()
                .map(id -> redis.async().hget(RedisKeys.dispatch(id), "state").toCompletableFuture()).toList();
        reads.forEach(r -> states.merge(String.valueOf(r.join()), 1, Integer::sum));
        return states;
    }

    @Override
    public void close() throws Exception {
        queue.close();
        redis.close();
        gateway.close();
        twilio.close();
    }
}
