package org.kunnafoni.store;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.campaign.Campaign;
import org.kunnafoni.campaign.CampaignRun;
import org.kunnafoni.campaign.CampaignStatus;
import org.kunnafoni.campaign.CampaignStore;
import org.kunnafoni.campaign.FanOut;
import org.kunnafoni.campaign.RunProgress;
import org.kunnafoni.campaign.Schedule;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchPipeline;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.dispatch.DispatchWorker;
import org.kunnafoni.dispatch.PlannedRecipient;
import org.kunnafoni.dispatch.RunPlan;
import org.kunnafoni.dispatch.Sender;
import org.kunnafoni.dispatch.MutableClock;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign store against an embedded Redis: atomic claims, idempotent fan-out, cancel, progress. */
class RedisCampaignStoreTest {
    static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    static Path dataDir;
    static EmbeddedRedis server;
    static RedisConnector redis;
    static RedisConnector other;
    static RedisDispatchStore dispatches;
    static RedisDispatchQueue queue;
    static RedisCampaignStore store;
    static RedisClusterCommands<String, String> sync;
    static TemplateLibrary templates;
    final MutableClock clock = new MutableClock(NOON);

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedRedis.start(dataDir, FreePorts.next(), "no");
        redis = new RedisConnector(server.uri(), Duration.ofSeconds(2));
        other = new RedisConnector(server.uri(), Duration.ofSeconds(2));
        dispatches = new RedisDispatchStore(redis, new RedisRunProgress(redis));
        queue = new RedisDispatchQueue(redis, Duration.ofMinutes(3));
        store = new RedisCampaignStore(redis, dispatches);
        sync = redis.newConnection().sync();
        templates = TemplateLibrary.loadDefault();
    }

    @AfterAll
    static void stop() throws Exception {
        queue.close();
        other.close();
        redis.close();
        server.close();
    }

    @BeforeEach
    void empty() {
        sync.flushall();
        queue.close();
        queue = new RedisDispatchQueue(redis, Duration.ofMinutes(3));
    }

    private static <T> T get(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static long segmentsOf(Language language) {
        return org.kunnafoni.text.SegmentCounter.count(templates.render("awareness", "child_recruitment", language,
                Map.of("hotline", "36000")).text()).segments();
    }

    private Campaign campaign(String id, Schedule schedule) {
        Campaign c = new Campaign(id, "child_recruitment", Map.of("hotline", "36000"), List.of("gao", "mopti"),
                List.of(Language.FRA, Language.BAM), schedule, Duration.ofHours(24), false, CampaignStatus.CREATED,
                "sup", NOON);
        assertThat(get(store.create(c))).isTrue();
        get(store.scheduleRun(id, schedule.firstRun(NOON).orElseThrow()));
        get(store.updateStatus(id, CampaignStatus.SCHEDULED));
        return c;
    }

    private static void audience(String region, String language, int people) {
        for (int i = 0; i < people; i++) {
            sync.sadd(RedisKeys.audience(region, language), "R-" + region + "-" + language + "-" + i);
        }
    }

    private FanOut fanOut(int page) {
        return new FanOut(store, new RedisAudience(redis), new RedisRunPlans(redis), queue, templates, "twilio", "KUNNAFONI", clock,
                page, Duration.ofMinutes(5));
    }

    @Test
    void twoClaimersNeverGetTheSameRun() throws Exception {
        RedisCampaignStore second = new RedisCampaignStore(other, new RedisDispatchStore(other));
        for (int i = 0; i < 60; i++) {
            get(store.scheduleRun(String.format("C-%012d", i), NOON.minusSeconds(i)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<List<String>>> results = new ArrayList<>();
        for (CampaignStore s : List.of(store, second)) {
            Callable<List<String>> claimer = () -> {
                List<String> mine = new ArrayList<>();
                for (int round = 0; round < 40; round++) {
                    get(s.claimDue(NOON, Duration.ofMinutes(5), 3)).forEach(c -> mine.add(c.runId()));
                }
                return mine;
            };
            results.add(threads.submit(claimer));
        }
        List<String> first = results.get(0).get();
        List<String> other = results.get(1).get();
        threads.shutdown();
        Set<String> all = new HashSet<>(first);
        all.addAll(other);
        assertThat(first.size() + other.size()).as("each run claimed once").isEqualTo(60).isEqualTo(all.size());
    }

    @ParameterizedTest(name = "claimed at {0}, lease {1}s, claimed again at {2}: {3}")
    @CsvSource({
            "2026-11-30T12:00:00Z, 300, 2026-11-30T12:04:59Z, false",
            "2026-11-30T12:00:00Z, 300, 2026-11-30T12:05:00Z, true",
    })
    void aRunWhoseClaimerDiedIsTakenAgainAfterItsLease(String at, long lease, String later, boolean again) {
        get(store.scheduleRun("C-000000000abc", NOON));
        assertThat(get(store.claimDue(Instant.parse(at), Duration.ofSeconds(lease), 5)))
                .containsExactly(new CampaignStore.Claimed("C-000000000abc-" + NOON.getEpochSecond(), false));
        List<CampaignStore.Claimed> retaken = get(store.claimDue(Instant.parse(later), Duration.ofSeconds(lease), 5));
        assertThat(retaken.isEmpty()).isEqualTo(!again);
        retaken.forEach(c -> assertThat(c.reclaimed()).isTrue());
    }

    @Test
    void aRunNotYetDueIsNotClaimed() {
        get(store.scheduleRun("C-000000000def", NOON.plusSeconds(60)));
        assertThat(get(store.claimDue(NOON, Duration.ofMinutes(5), 5))).isEmpty();
        assertThat(get(store.claimDue(NOON.plusSeconds(60), Duration.ofMinutes(5), 5))).hasSize(1);
    }

    /** Sends every queued entry through the production pipeline and worker to a counting sender. */
    private RedisDispatchTest.CountingSender drain() {
        RedisDispatchTest.CountingSender sender = new RedisDispatchTest.CountingSender();
        DispatchWorker worker = new DispatchWorker(queue, pipeline(sender), "drain", 64, Duration.ofMillis(5), clock);
        while (worker.runOnce() > 0) {
            // until the stream is empty
        }
        return sender;
    }

    private DispatchPipeline pipeline(Sender sender) {
        return RedisDispatchTest.pipeline(dispatches, new RedisRunPlans(redis), clock, sender);
    }

    /** Creates a recipient's dispatch as a worker taking its entry would. */
    private Dispatch open(String runId, String pseudonym, String region, String language) {
        RunPlan plan = get(new RedisRunPlans(redis).find(runId)).orElseThrow();
        return get(dispatches.open(plan.dispatchFor(new PlannedRecipient(runId, pseudonym, region, language), NOON)
                .orElseThrow()));
    }

    @Test
    void fanningOutTwiceSendsEachRecipientOnce() {
        audience("gao", "fra", 250);
        audience("mopti", "bam", 30);
        audience("gao", "ara", 7); // not a language of the campaign
        Campaign c = campaign("C-0000000000f1", new Schedule.OneOff(NOON));
        List<CampaignStore.Claimed> claimed = get(store.claimDue(NOON, Duration.ofMinutes(5), 5));
        assertThat(fanOut(40).run(claimed.get(0))).isEqualTo(CampaignRun.Status.FANNED_OUT);
        String runId = claimed.get(0).runId();
        assertThat(sync.xlen(RedisKeys.DISPATCH_STREAM)).isEqualTo(280);
        assertThat(sync.keys("dispatch:{*}")).as("planned lazily: no dispatch before a worker takes it").isEmpty();

        // a crash before the first checkpoint: another instance starts the run again from the top
        get(store.checkpoint(runId, 0, Optional.empty()));
        assertThat(fanOut(70).run(new CampaignStore.Claimed(runId, true))).isEqualTo(CampaignRun.Status.FANNED_OUT);

        RunProgress progress = get(store.progress(runId));
        assertThat(progress.planned()).isEqualTo(280);
        assertThat(progress.count(DispatchState.PLANNED)).isEqualTo(280);
        assertThat(progress.segments()).as("French for gao, Bambara (UCS-2) for mopti")
                .isEqualTo(250L * segmentsOf(Language.FRA) + 30L * segmentsOf(Language.BAM));
        assertThat(sync.scard(RedisKeys.campaignRunRecipients(runId))).isEqualTo(280);
        assertThat(sync.xlen(RedisKeys.DISPATCH_STREAM)).as("every recipient queued again").isEqualTo(560);
        assertThat(get(store.find(c.id())).orElseThrow().status()).isEqualTo(CampaignStatus.DONE);
        assertThat(get(store.runs(c.id()))).extracting(CampaignRun::status).containsExactly(CampaignRun.Status.FANNED_OUT);

        RedisDispatchTest.CountingSender sent = drain();
        assertThat(sent.sent).hasSize(280).doesNotHaveDuplicates();
        assertThat(sync.keys("dispatch:{*}")).hasSize(280);
        RunProgress after = get(store.progress(runId));
        assertThat(after.count(DispatchState.ACCEPTED)).isEqualTo(280);
        assertThat(after.pending()).isZero();
    }

    @Test
    void aRecurringCampaignSchedulesItsNextRunOnce() {
        audience("gao", "fra", 3);
        Campaign c = campaign("C-0000000000f2", new Schedule.Recurring("0 12 * * *", Optional.empty()));
        CampaignStore.Claimed first = get(store.claimDue(NOON, Duration.ofMinutes(5), 5)).get(0);
        fanOut(10).run(first);
        fanOut(10).run(new CampaignStore.Claimed(first.runId(), true));
        assertThat(get(store.runs(c.id()))).extracting(CampaignRun::due).containsExactly(NOON, NOON.plusSeconds(86_400));
        assertThat(get(store.find(c.id())).orElseThrow().status()).isEqualTo(CampaignStatus.SCHEDULED);
        assertThat(get(store.claimDue(NOON.plusSeconds(86_399), Duration.ofMinutes(5), 5))).isEmpty();
        assertThat(get(store.claimDue(NOON.plusSeconds(86_400), Duration.ofMinutes(5), 5))).hasSize(1);
    }

    @Test
    void aRunClaimedAfterItsValidityIsExpired() {
        audience("gao", "fra", 3);
        campaign("C-0000000000f3", new Schedule.OneOff(NOON));
        clock.set(NOON.plus(Duration.ofHours(25)));
        CampaignStore.Claimed claimed = get(store.claimDue(clock.instant(), Duration.ofMinutes(5), 5)).get(0);
        assertThat(fanOut(10).run(claimed)).isEqualTo(CampaignRun.Status.EXPIRED);
        assertThat(sync.keys("dispatch:{*}")).isEmpty();
    }

    @Test
    void cancelingStopsFutureRunsAndCancelsWaitingDispatches() {
        audience("gao", "fra", 5);
        Campaign c = campaign("C-0000000000f4", new Schedule.Recurring("0 12 * * *", Optional.empty()));
        CampaignStore.Claimed first = get(store.claimDue(NOON, Duration.ofMinutes(5), 5)).get(0);
        fanOut(10).run(first);
        // two recipients already taken by workers: one being sent, one waiting; three not taken yet
        Dispatch sending = open(first.runId(), "R-gao-fra-0", "gao", "fra");
        get(dispatches.claim(sending.id(), NOON, Duration.ofMinutes(2)));
        open(first.runId(), "R-gao-fra-1", "gao", "fra");

        org.kunnafoni.campaign.Campaigns service = new org.kunnafoni.campaign.Campaigns(store, new RedisAudience(redis),
                templates, Set.of("gao"), new org.kunnafoni.campaign.Campaigns.Settings(java.math.BigDecimal.ONE, "USD",
                Duration.ofHours(24)), clock, () -> "unused");
        assertThat(get(service.cancel(c.id()))).isEqualTo(new org.kunnafoni.campaign.Campaigns.Outcome.Done<>(1L));
        assertThat(get(service.cancel(c.id()))).isInstanceOf(org.kunnafoni.campaign.Campaigns.Outcome.Conflict.class);
        // the workers stop the three not taken yet when they reach them
        assertThat(drain().sent).isEmpty();

        RunProgress progress = get(store.progress(first.runId()));
        assertThat(progress.count(DispatchState.CANCELED)).isEqualTo(4);
        assertThat(progress.count(DispatchState.SENDING)).as("the one being sent goes on").isEqualTo(1);
        assertThat(progress.count(DispatchState.PLANNED)).isZero();
        assertThat(get(store.runs(c.id()))).extracting(CampaignRun::status)
                .containsExactly(CampaignRun.Status.FANNED_OUT, CampaignRun.Status.CANCELED);
        assertThat(get(store.claimDue(NOON.plusSeconds(86_400), Duration.ofMinutes(5), 5))).isEmpty();
        assertThat(get(store.updateStatus(c.id(), CampaignStatus.SCHEDULED))).as("never revived").isFalse();
    }

    @Test
    void aOneOffCampaignDoneWithPlanningCanStillBeCanceledWhileSendsWait() {
        audience("gao", "fra", 4);
        Campaign c = campaign("C-0000000000f6", new Schedule.OneOff(NOON));
        CampaignStore.Claimed run = get(store.claimDue(NOON, Duration.ofMinutes(5), 5)).get(0);
        fanOut(10).run(run);
        assertThat(get(store.find(c.id())).orElseThrow().status()).as("planned: done").isEqualTo(CampaignStatus.DONE);
        org.kunnafoni.campaign.Campaigns service = new org.kunnafoni.campaign.Campaigns(store, new RedisAudience(redis),
                templates, Set.of("gao"), new org.kunnafoni.campaign.Campaigns.Settings(java.math.BigDecimal.ONE, "USD",
                Duration.ofHours(24)), clock, () -> "unused");

        assertThat(get(service.cancel(c.id()))).isInstanceOf(org.kunnafoni.campaign.Campaigns.Outcome.Done.class);
        assertThat(get(store.find(c.id())).orElseThrow().status()).isEqualTo(CampaignStatus.CANCELED);
        assertThat(drain().sent).as("nothing that was waiting goes out").isEmpty();
    }

    @Test
    void aCampaignWhoseEveryMessageWentOutCannotBeCanceled() {
        audience("gao", "fra", 2);
        Campaign c = campaign("C-0000000000f7", new Schedule.OneOff(NOON));
        fanOut(10).run(get(store.claimDue(NOON, Duration.ofMinutes(5), 5)).get(0));
        assertThat(drain().sent).hasSize(2);
        org.kunnafoni.campaign.Campaigns service = new org.kunnafoni.campaign.Campaigns(store, new RedisAudience(redis),
                templates, Set.of("gao"), new org.kunnafoni.campaign.Campaigns.Settings(java.math.BigDecimal.ONE, "USD",
                Duration.ofHours(24)), clock, () -> "unused");
        assertThat(get(service.cancel(c.id()))).isInstanceOf(org.kunnafoni.campaign.Campaigns.Outcome.Conflict.class);
        assertThat(get(store.find(c.id())).orElseThrow().status()).isEqualTo(CampaignStatus.DONE);
    }

    @Test
    void progressFollowsDispatchStates() {
        audience("gao", "fra", 3);
        campaign("C-0000000000f5", new Schedule.OneOff(NOON));
        CampaignStore.Claimed run = get(store.claimDue(NOON, Duration.ofMinutes(5), 5)).get(0);
        fanOut(10).run(run);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(open(run.runId(), "R-gao-fra-" + i, "gao", "fra").id());
        }
        get(dispatches.reschedule(ids.get(0), DispatchState.DEFERRED, "quiet hours", java.util.OptionalInt.empty(), NOON));
        get(dispatches.claim(ids.get(1), NOON, Duration.ofMinutes(1)));
        get(dispatches.advance(ids.get(1), new org.kunnafoni.dispatch.DispatchStore.StatusUpdate(DispatchState.FAILED,
                Optional.empty(), Optional.of("http 400 error 21211: invalid To number"), java.util.OptionalInt.of(1), NOON)));
        get(dispatches.claim(ids.get(2), NOON, Duration.ofMinutes(1)));
        get(dispatches.advance(ids.get(2), org.kunnafoni.dispatch.DispatchStore.StatusUpdate.of(DispatchState.ACCEPTED, NOON)));
        get(dispatches.advance(ids.get(2), org.kunnafoni.dispatch.DispatchStore.StatusUpdate.of(DispatchState.DELIVERED, NOON)));
        get(dispatches.advance(ids.get(2), org.kunnafoni.dispatch.DispatchStore.StatusUpdate.of(DispatchState.SENT, NOON)));

        RunProgress p = get(store.progress(run.runId()));
        assertThat(p.planned()).isEqualTo(3);
        assertThat(p.count(DispatchState.DEFERRED)).isEqualTo(1);
        assertThat(p.everDeferred()).isEqualTo(1);
        assertThat(p.count(DispatchState.FAILED)).isEqualTo(1);
        assertThat(p.failedByReason()).containsEntry("http 400 error 21211: invalid To number", 1L);
        assertThat(p.count(DispatchState.DELIVERED)).isEqualTo(1);
        assertThat(p.sent()).isEqualTo(1);
        assertThat(p.count(DispatchState.PLANNED) + p.count(DispatchState.SENDING) + p.count(DispatchState.ACCEPTED)).isZero();
        assertThat(p.segments()).isEqualTo(6);
    }
}
