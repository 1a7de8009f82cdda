package org.kunnafoni.app;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.lead.ClusterPolicy;
import org.kunnafoni.lead.Lead;
import org.kunnafoni.lead.LeadDetail;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.LeadWrite;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisLeadStore;
import org.kunnafoni.support.Eventually;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TriageEngine;
import org.kunnafoni.triage.priority.Priority;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts through the Twilio webhook into leads, against a real gateway and embedded Redis: one gateway with its
 * own worker, and one with workers off where the test drives workers (and a dead one) itself.
 */
class TriageWorkerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    static Path liveDir;
    @TempDir
    static Path manualDir;
    static GatewayFixture live;
    static GatewayFixture manual;
    static RedisConnector manualRedis;
    static RedisConnector liveRedis;
    static TriageEngine engine;

    @BeforeAll
    static void start() throws Exception {
        live = new GatewayFixture(liveDir, Map.of("KUNNAFONI_TRIAGE_CLAIM_IDLE", "200ms",
                "KUNNAFONI_TRIAGE_MAX_DELIVERIES", "2"), InstantSource.system());
        manual = new GatewayFixture(manualDir, Map.of("KUNNAFONI_TRIAGE_WORKERS", "0"), InstantSource.system());
        manualRedis = new RedisConnector(manual.gateway().redisUri(), Duration.ofSeconds(2));
        liveRedis = new RedisConnector(live.gateway().redisUri(), Duration.ofSeconds(2));
        engine = TriageEngine.loadDefault();
    }

    @AfterAll
    static void stop() {
        manualRedis.close();
        liveRedis.close();
        manual.close();
        live.close();
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String post(GatewayFixture gateway, String from, String text) throws Exception {
        String sid = sid();
        assertThat(gateway.postTwilio(GatewayFixture.twilioSms(sid, from, text)).statusCode()).isEqualTo(200);
        return gateway.intakeEntries().stream().filter(e -> sid.equals(e.getBody().get("provider_id")))
                .findFirst().orElseThrow().getId();
    }

    private static RedisLeadStore store(GatewayFixture gateway) {
        RedisConnector redis = gateway == live ? liveRedis : manualRedis;
        return new RedisLeadStore(redis::async);
    }

    /** The lead holding an intake entry, once a worker has written it. */
    private static LeadDetail leadOf(GatewayFixture gateway, String entryId) {
        String leadId = Eventually.await(() -> findLeadId(gateway, entryId), Optional::isPresent, DEADLINE).orElseThrow();
        return store(gateway).find(leadId).toCompletableFuture().join().orElseThrow();
    }

    private static Optional<String> findLeadId(GatewayFixture gateway, String entryId) {
        for (String region : List.of("mopti", "menaka", "gao", "tombouctou", RedisKeys.NO_REGION)) {
            String id = gateway.redis().hget(RedisKeys.leadReport(RedisKeys.NO_REGION.equals(region) ? null : region,
                    entryId), "lead_id");
            if (id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Test
    void alertBecomesALeadWithItsReport() throws Exception {
        String entry = post(live, "+22376000001", "Des hommes armés ont enlevé 3 enfants à Boni ce matin");

        LeadDetail detail = leadOf(live, entry);
        Lead lead = detail.lead();
        assertThat(lead.id()).isEqualTo("mopti-" + entry);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.region()).isEqualTo("mopti");
        assertThat(lead.place()).isEqualTo("Boni");
        assertThat(lead.category()).isEqualTo(Category.ABDUCTION);
        assertThat(lead.priority()).isEqualTo(Priority.URGENT);
        assertThat(lead.score()).isBetween(75, 100);
        assertThat(lead.reportCount()).isEqualTo(1);
        assertThat(lead.reporterCount()).isEqualTo(1);
        assertThat(lead.languages()).containsExactly(Language.FRA);
        assertThat(lead.maxChildren()).isEqualTo(3);
        assertThat(lead.firstSeen()).isEqualTo(lead.lastSeen());
        assertThat(detail.reports()).singleElement().satisfies(r -> {
            assertThat(r.entryId()).isEqualTo(entry);
            assertThat(r.reporter()).matches("R-[A-Z0-9]{10}");
            assertThat(r.text()).isEqualTo("Des hommes armés ont enlevé 3 enfants à Boni ce matin");
            assertThat(r.triagedAt()).isAfterOrEqualTo(r.receivedAt());
            assertThat(r.language()).isEqualTo(Language.FRA);
            assertThat(r.triage()).containsEntry("category", "abduction").containsEntry("region", "mopti")
                    .containsKey("reasons");
        });
        assertThat(live.redis().zscore(RedisKeys.LEADS_BY_SCORE, lead.id())).isNotNull();
        Eventually.await(() -> live.redis().xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount(),
                pending -> pending == 0, DEADLINE);
    }

    @Test
    void reportsOfOneIncidentShareALeadAndOtherRegionsDoNot() throws Exception {
        String first = post(live, "+22376000011", "Des hommes armés ont enlevé 2 enfants près de Ménaka hier soir");
        String second = post(live, "+22376000012", "Ménaka: deux enfants enlevés hier soir par des hommes armés");
        String elsewhere = post(live, "+22376000013", "Des hommes armés ont enlevé 2 enfants à Gossi hier soir");

        Lead lead = Eventually.await(() -> leadOf(live, first), d -> d.lead().reportCount() == 2, DEADLINE).lead();
        assertThat(leadOf(live, second).lead().id()).isEqualTo(lead.id());
        assertThat(lead.reporterCount()).isEqualTo(2);
        assertThat(lead.region()).isEqualTo("menaka");
        assertThat(lead.lastSeen()).isAfterOrEqualTo(lead.firstSeen());
        Lead other = leadOf(live, elsewhere).lead();
        assertThat(other.id()).isNotEqualTo(lead.id());
        assertThat(other.region()).isEqualTo("tombouctou");
        assertThat(other.reportCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "poison entry without {0} ends in the dead-letter stream")
    @CsvSource({"body", "received_at"})
    void poisonEntryIsDeadLettered(String missing) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("channel", "twilio", "kind", "sms",
                "provider_id", sid(), "reporter", "R-POISON0001", "body", "enfant blessé à Gao",
                "received_at", "2025-11-29T10:00:00Z"));
        fields.remove(missing);
        String id = live.redis().xadd(RedisKeys.INTAKE_STREAM, fields);

        Eventually.await(() -> live.redis().xrange(RedisKeys.INTAKE_DEAD_LETTERS, io.lettuce.core.Range.create("-", "+")),
                dead -> dead.stream().anyMatch(e -> id.equals(e.getBody().get("entry_id"))), DEADLINE);
        StreamMessage<String, String> dead = live.redis().xrange(RedisKeys.INTAKE_DEAD_LETTERS,
                        io.lettuce.core.Range.create("-", "+")).stream()
                .filter(e -> id.equals(e.getBody().get("entry_id"))).findFirst().orElseThrow();
        assertThat(dead.getBody()).containsEntry("deliveries", "2").containsEntry("reporter", "R-POISON0001");
        assertThat(dead.getBody().get("error")).contains(missing);
        assertThat(Long.parseLong(live.redis().get(RedisKeys.INTAKE_DEAD_LETTER_COUNT))).isPositive();
        Eventually.await(() -> live.redis().xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount(),
                pending -> pending == 0, DEADLINE);
    }

    @Test
    void anEntryProcessedTwiceIsCountedOnce() throws Exception {
        TriageWorker.ensureGroup(manual.redis());
        String entry = post(manual, "+22376000021", "Un enfant blessé par une mine à Gossi");
        StreamMessage<String, String> message = readAs("first-worker").stream()
                .filter(m -> m.getId().equals(entry)).findFirst().orElseThrow();

        try (TriageWorker worker = worker("second-worker", Duration.ofSeconds(30))) {
            LeadWrite first = worker.process(message, Optional.empty());
            LeadWrite again = worker.process(message, Optional.empty());
            assertThat(first).isInstanceOf(LeadWrite.Opened.class);
            assertThat(again).isEqualTo(new LeadWrite.Duplicate(first.leadId()));
        }
        LeadDetail detail = leadOf(manual, entry);
        assertThat(detail.lead().reportCount()).isEqualTo(1);
        assertThat(detail.reports()).hasSize(1);
        assertThat(manual.redis().lrange(RedisKeys.leadReports(detail.lead().id()), 0, -1)).containsExactly(entry);
    }

    @Test
    void entriesADeadConsumerLeftPendingAreReclaimed() throws Exception {
        TriageWorker.ensureGroup(manual.redis());
        String one = post(manual, "+22376000031", "L'école de Douentza a été brûlée par des hommes armés");
        String two = post(manual, "+22376000032", "Bonjour, est-ce que ce numéro marche ?");
        List<String> taken = readAs("worker-that-died").stream().map(StreamMessage::getId).toList();
        assertThat(taken).contains(one, two);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TriageWorker survivor = worker("survivor", Duration.ofMillis(200), registry)) {
            survivor.start();
            Eventually.await(() -> manual.redis().xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount(),
                    pending -> pending == 0, DEADLINE);
        }
        assertThat(leadOf(manual, one).lead().category()).isEqualTo(Category.ATTACK_SCHOOL_HOSPITAL);
        assertThat(leadOf(manual, two).lead().category()).isEqualTo(Category.NOT_RELEVANT);
        assertThat(registry.counter("kunnafoni.triage.reclaimed").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWorkerGivesWayWhileIntakeIsSaturated() throws Exception {
        TriageWorker.ensureGroup(manual.redis());
        List<StreamMessage<String, String>> earlier = readAs("drained-before-yield-test");
        if (!earlier.isEmpty()) {
            manual.redis().xack(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP,
                    earlier.stream().map(StreamMessage::getId).toArray(String[]::new));
        }
        for (int i = 0; i < 60; i++) {
            post(manual, "+2237601%04d".formatted(i), "Des hommes armés ont enlevé un enfant à Gossi, message " + i);
        }
        java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger(40);
        List<Duration> rests = new java.util.ArrayList<>();

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TriageWorker.Settings settings = new TriageWorker.Settings(new ClusterPolicy(Duration.ofHours(24), 0.4),
                Duration.ofHours(1), 3, Duration.ofSeconds(2), new TriageYield(16, 0.1));
        try (TriageWorker worker = new TriageWorker(manualRedis, engine, settings, new TriageMetrics(registry),
                InstantSource.system(), "yielding", false, waiting::get, rests::add)) {
            worker.pollOnce();
            assertThat(registry.counter("kunnafoni.triage.processed").count()).isEqualTo(TriageYield.BUSY_BATCH);
            // intake stayed busy: the whole rest, in slices, 9x the batch's time (at most a second)
            assertThat(rests).isNotEmpty().allSatisfy(slice -> assertThat(slice)
                    .isPositive().isLessThanOrEqualTo(TriageYield.REST_SLICE));
            Duration rested = rests.stream().reduce(Duration.ZERO, Duration::plus);
            assertThat(rested).isPositive().isLessThanOrEqualTo(TriageYield.LONGEST_REST);
            assertThat(registry.counter("kunnafoni.triage.yielded.seconds").count())
                    .isCloseTo(rested.toNanos() / 1e9, org.assertj.core.data.Offset.offset(1e-6));
            rests.clear();

            waiting.set(3);
            worker.pollOnce();
            assertThat(registry.counter("kunnafoni.triage.processed").count()).isEqualTo(60);
            assertThat(rests).isEmpty();
        }
        // closing let the last acknowledgement land: nothing of this worker is left to be triaged again
        assertThat(manual.redis().xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getConsumerMessageCount())
                .doesNotContainKey("yielding");
    }

    @Test
    void aBriefPileUpInIntakeEndsTheRestAfterOneSlice() throws Exception {
        TriageWorker.ensureGroup(manual.redis());
        for (int i = 0; i < 5; i++) {
            post(manual, "+2237602%04d".formatted(i), "Une mine a blessé un enfant près de Boni, message " + i);
        }
        java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger(40);
        List<Duration> rests = new java.util.ArrayList<>();
        TriageWorker.Rest oneSlowFsync = slice -> {
            rests.add(slice);
            waiting.set(1); // the stall is over: the messages were stored
        };
        TriageWorker.Settings settings = new TriageWorker.Settings(new ClusterPolicy(Duration.ofHours(24), 0.4),
                Duration.ofHours(1), 3, Duration.ofSeconds(2), new TriageYield(16, 0.1));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (TriageWorker worker = new TriageWorker(manualRedis, engine, settings, new TriageMetrics(registry),
                InstantSource.system(), "briefly-yielding", false, waiting::get, oneSlowFsync)) {
            worker.pollOnce();
        }
        assertThat(registry.counter("kunnafoni.triage.processed").count()).isPositive();
        assertThat(rests).singleElement().satisfies(slice -> assertThat(slice).isLessThanOrEqualTo(TriageYield.REST_SLICE));
    }

    private static List<StreamMessage<String, String>> readAs(String consumer) {
        return manual.redis().xreadgroup(Consumer.from(RedisKeys.TRIAGE_GROUP, consumer),
                XReadArgs.Builder.count(1000), XReadArgs.StreamOffset.lastConsumed(RedisKeys.INTAKE_STREAM));
    }

    private static TriageWorker worker(String name, Duration claimIdle) {
        return worker(name, claimIdle, new SimpleMeterRegistry());
    }

    private static TriageWorker worker(String name, Duration claimIdle, SimpleMeterRegistry registry) {
        TriageWorker.Settings settings = new TriageWorker.Settings(new ClusterPolicy(Duration.ofHours(24), 0.4),
                claimIdle, 3, Duration.ofSeconds(2));
        return new TriageWorker(manualRedis, engine, settings, new TriageMetrics(registry), InstantSource.system(),
                name, true);
    }
}
