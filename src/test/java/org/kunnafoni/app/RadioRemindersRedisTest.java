package org.kunnafoni.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.MutableClock;
import org.kunnafoni.intake.keyword.KeywordCommand.RadioConfirmation;
import org.kunnafoni.radio.BroadcastSlot;
import org.kunnafoni.radio.PartnerDetails;
import org.kunnafoni.radio.PartnerNotifier;
import org.kunnafoni.radio.PartnerReport;
import org.kunnafoni.radio.RadioCampaign;
import org.kunnafoni.radio.RadioPartner;
import org.kunnafoni.radio.RadioPlanner;
import org.kunnafoni.radio.RadioReminders;
import org.kunnafoni.radio.RadioScript;
import org.kunnafoni.radio.RadioService;
import org.kunnafoni.radio.RadioSettings;
import org.kunnafoni.radio.ReminderPolicy;
import org.kunnafoni.radio.ReminderText;
import org.kunnafoni.store.EmbeddedRedis;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisDispatchQueue;
import org.kunnafoni.store.RedisDispatchStore;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisRadioStore;
import org.kunnafoni.support.FreePorts;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders over a real (embedded) Redis and the real dispatch store: the claim keeps racing instances off each
 * other's broadcasts, and neither a takeover nor a restart of Redis and the gateway sends a reminder twice. One
 * station with two numbers and a slot every day at 19:00 for ten minutes; reminder 2 h after, missed 60 days after.
 */
class RadioRemindersRedisTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final ReminderPolicy POLICY = new ReminderPolicy(Duration.ofHours(2), Duration.ofDays(60));
    private static final List<String> NUMBERS = List.of("+22376000001", "+22376000002");

    @TempDir
    Path dataDir;
    private final int port = FreePorts.next();
    private final MutableClock clock = new MutableClock(MONDAY);
    private final PhoneProtector phones = new PhoneProtector(new byte[32]);
    private final List<AutoCloseable> open = new ArrayList<>();
    private EmbeddedRedis server;
    private RedisConnector redis;
    private RadioService service;
    private RadioPartner station;
    private List<RadioScript> scripts;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedRedis.start(dataDir, port, "always");
        redis = connector();
        RedisRadioStore store = new RedisRadioStore(redis);
        AtomicInteger ids = new AtomicInteger();
        service = new RadioService(store, new RadioPlanner(TemplateLibrary.loadDefault(), RadioSettings.loadDefault(),
                "36000", () -> String.format("S%03d", ids.incrementAndGet()), new SplittableRandom(5)),
                notifier(redis), phones, clock, () -> "" + ids.incrementAndGet(), () -> "token", POLICY);
        List<BroadcastSlot> daily = Arrays.stream(DayOfWeek.values())
                .map(d -> new BroadcastSlot(d, LocalTime.of(19, 0), Duration.ofMinutes(10))).toList();
        station = service.createPartner(new PartnerDetails("Radio A", List.of("gao"), List.of(Language.FRA), daily,
                NUMBERS)).toCompletableFuture().join().partner();
        service.create(new RadioCampaign("C1", "how_to_report", List.of("gao"), List.of(Language.FRA),
                LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-27"), "sup", MONDAY)).toCompletableFuture().join();
        scripts = service.scriptsOf(station).toCompletableFuture().join();
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
        server.close();
    }

    private RedisConnector connector() {
        RedisConnector c = new RedisConnector(server.uri(), Duration.ofSeconds(2));
        open.add(c);
        return c;
    }

    private DispatchNotifier notifier(RedisConnector on) {
        RedisDispatchQueue queue = new RedisDispatchQueue(on, Duration.ofMinutes(3));
        open.add(queue);
        return new DispatchNotifier(new RedisDispatchStore(on), queue, "twilio", "KUNNAFONI", clock);
    }

    /** A gateway instance's reminder loop on its own connection, counting what it asks the pipeline to send. */
    private RadioReminders instance(PartnerNotifier notifier) {
        return new RadioReminders(new RedisRadioStore(connector()), notifier, ReminderText.loadDefault(), POLICY,
                clock, LEASE);
    }

    /** SMS planned and queued for the dispatch workers (nothing consumes the stream here). */
    /** The distinct dispatch ids of the stream entries after the first {@code skip}. */
    private java.util.Set<String> queuedDispatchIds(long skip) {
        return redis.async().xrange(RedisKeys.DISPATCH_STREAM, io.lettuce.core.Range.create("-", "+"))
                .toCompletableFuture().join().stream().skip(skip).map(m -> m.getBody().get("dispatch"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private long queued() {
        return redis.async().xlen(RedisKeys.DISPATCH_STREAM).toCompletableFuture().join();
    }

    private static RadioReminders.Round run(RadioReminders r) {
        return r.runOnce(3).toCompletableFuture().join();
    }

    /** Counts remind calls per script, then passes them on. */
    private static final class Counting implements PartnerNotifier {
        final List<String> scripts = Collections.synchronizedList(new ArrayList<>());
        private final PartnerNotifier next;

        Counting(PartnerNotifier next) {
            this.next = next;
        }

        @Override
        public CompletionStage<Void> notify(RadioPartner partner, RadioScript script, String text) {
            return next.notify(partner, script, text);
        }

        @Override
        public CompletionStage<Void> remind(RadioPartner partner, RadioScript script, String text) {
            scripts.add(script.id());
            return next.remind(partner, script, text);
        }
    }

    @Test
    void twoInstancesRacingRemindEachBroadcastOnce() throws Exception {
        long notifications = queued();
        assertThat(scripts).hasSize(28);
        assertThat(notifications).isEqualTo(56);
        clock.set(Instant.parse("2026-12-28T08:00:00Z")); // every slot ended more than 2 h ago
        List<Counting> counters = List.of(new Counting(notifier(connector())), new Counting(notifier(connector())));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        // both take a first round before either goes on, so both surely take part; then they race to the end
        CyclicBarrier firstRound = new CyclicBarrier(2);
        List<Future<?>> done = new ArrayList<>();
        for (Counting counter : counters) {
            RadioReminders loop = instance(counter);
            done.add(threads.submit(() -> {
                run(loop);
                firstRound.await(30, TimeUnit.SECONDS);
                while (run(loop).claimed() > 0) {
                    Thread.onSpinWait();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();

        List<String> reminded = new ArrayList<>(counters.get(0).scripts);
        reminded.addAll(counters.get(1).scripts);
        assertThat(reminded).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(scripts.stream().map(RadioScript::id).toList());
        assertThat(counters).allSatisfy(c -> assertThat(c.scripts).as("both instances took part").isNotEmpty());
        assertThat(queued() - notifications).isEqualTo(56);
        for (RadioScript s : scripts) {
            for (String number : NUMBERS) {
                String id = Dispatch.idFor("radio-reminder-" + s.id(), phones.pseudonym(number));
                assertThat(redis.async().hget(RedisKeys.dispatch(id), "body").toCompletableFuture().join())
                        .contains("OK " + s.code());
            }
        }
        assertThat(service.report("C1").toCompletableFuture().join())
                .containsExactly(new PartnerReport(station.id(), 28, 0, 0, 0, 28));
    }

    @Test
    void aReminderSentBeforeARestartIsNotSentAgainAfterIt() throws Exception {
        RadioScript first = scripts.get(0);
        Instant due = first.slotEnd().plus(Duration.ofHours(2));
        clock.set(due);
        long before = queued();
        assertThat(run(instance(notifier(connector())))).isEqualTo(new RadioReminders.Round(1, 1, 0, 0));
        assertThat(queued() - before).isEqualTo(2);

        // Redis and every connection go down and come back from the append-only file
        for (AutoCloseable c : open) {
            c.close();
        }
        open.clear();
        server.close();
        server = EmbeddedRedis.start(dataDir, port, "always");
        redis = connector();

        clock.set(due.plus(Duration.ofMinutes(30)));
        assertThat(run(instance(notifier(connector()))).sent()).isZero();
        assertThat(queued() - before).isEqualTo(2);
        RadioScript stored = new RedisRadioStore(redis).script(first.id()).toCompletableFuture().join().orElseThrow();
        assertThat(stored.remindedAt()).contains(due);
    }

    @Test
    void aRoundThatStoppedAfterQueueingIsTakenOverWithoutASecondSms() {
        RadioScript first = scripts.get(0);
        Instant due = first.slotEnd().plus(Duration.ofHours(2));
        clock.set(due);
        long before = queued();
        DispatchNotifier pipeline = notifier(connector());
        // the instance queues the SMS, then dies before recording the reminder
        PartnerNotifier dying = new PartnerNotifier() {
            @Override
            public CompletionStage<Void> notify(RadioPartner partner, RadioScript script, String text) {
                throw new AssertionError("no notification here");
            }

            @Override
            public CompletionStage<Void> remind(RadioPartner partner, RadioScript script, String text) {
                return pipeline.remind(partner, script, text).thenCompose(v ->
                        CompletableFuture.failedFuture(new IllegalStateException("instance stopped")));
            }
        };
        assertThat(run(instance(dying))).isEqualTo(new RadioReminders.Round(1, 0, 0, 1));
        assertThat(queued() - before).isEqualTo(2);

        RadioReminders other = instance(notifier(connector()));
        clock.set(due.plus(LEASE).minusMillis(1));
        assertThat(run(other).claimed()).as("still under the first claim").isZero();
        clock.set(due.plus(LEASE));
        assertThat(run(other)).isEqualTo(new RadioReminders.Round(1, 1, 0, 0));
        assertThat(queued() - before).as("queued again by the instance that took over").isEqualTo(4);
        assertThat(queuedDispatchIds(before)).as("the same two dispatches: the claim lets each out once").hasSize(2);
        clock.set(due.plus(LEASE.multipliedBy(3)));
        assertThat(run(other).claimed()).as("released for good").isZero();
    }

    @Test
    void aConfirmationAfterTheReminderKeepsBoth() {
        RadioScript first = scripts.get(0);
        clock.set(first.slotEnd().plus(Duration.ofHours(2)));
        run(instance(notifier(connector())));
        service.confirm(station, first.id(), RadioConfirmation.Kind.AIRED, Optional.empty()).toCompletableFuture().join();
        RadioScript stored = service.scriptOf(station, first.id()).toCompletableFuture().join().orElseThrow();
        assertThat(stored.status().id()).isEqualTo("confirmed");
        assertThat(stored.remindedAt()).contains(first.slotEnd().plus(Duration.ofHours(2)));
    }
}
