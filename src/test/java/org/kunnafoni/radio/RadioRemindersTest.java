package org.kunnafoni.radio;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.intake.keyword.KeywordCommand.RadioConfirmation;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders with a pinned clock over the in-memory store: one station with two numbers and one Wednesday slot
 * 19:00–19:05 (Bamako = UTC); reminder 2 h after the slot, missed 2 days after it.
 */
class RadioRemindersTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
    private static final Instant SLOT_END = Instant.parse("2026-12-02T19:05:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private final MemoryRadioStore store = new MemoryRadioStore();
    private final PhoneProtector phones = new PhoneProtector(new byte[32]);
    private final RecordingNotifier sms = new RecordingNotifier();
    private Instant now = MONDAY;
    private final InstantSource clock = () -> now;
    private RadioService service;
    private RadioService.Created station;
    private RadioScript script;

    @BeforeEach
    void setUp() {
        AtomicInteger ids = new AtomicInteger();
        RadioPlanner planner = new RadioPlanner(TemplateLibrary.loadDefault(), RadioSettings.loadDefault(),
                "36000", () -> "S" + ids.incrementAndGet(), new SplittableRandom(3));
        service = new RadioService(store, planner, sms, phones, clock, () -> "" + ids.incrementAndGet(),
                () -> "token", ReminderPolicy.DEFAULT);
        station = service.createPartner(new PartnerDetails("Radio A", List.of("gao"), List.of(Language.FRA),
                List.of(new BroadcastSlot(DayOfWeek.WEDNESDAY, LocalTime.of(19, 0), Duration.ofMinutes(5))),
                List.of("+22376000001", "+22376000002"))).toCompletableFuture().join();
        service.create(new RadioCampaign("C1", "how_to_report", List.of("gao"), List.of(Language.FRA),
                LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), "sup", MONDAY)).toCompletableFuture().join();
        script = service.scriptsOf(station.partner()).toCompletableFuture().join().get(0);
    }

    private RadioReminders reminders() {
        return new RadioReminders(store, sms, ReminderText.loadDefault(), ReminderPolicy.DEFAULT, clock, LEASE);
    }

    private RadioReminders.Round round(Instant at) {
        now = at;
        return reminders().runOnce(16).toCompletableFuture().join();
    }

    private void confirm(RadioConfirmation.Kind kind) {
        service.confirm(station.partner(), script.id(), kind, Optional.of("coupure")).toCompletableFuture().join();
    }

    private PartnerReport report() {
        return service.report("C1").toCompletableFuture().join().get(0);
    }

    @Test
    void nothingBeforeTheGraceThenOneReminderPerNumberThenNothingMore() {
        assertThat(round(SLOT_END).claimed()).isZero();
        assertThat(round(SLOT_END.plus(Duration.ofHours(2)).minusMillis(1)).claimed()).isZero();
        assertThat(sms.reminded).isEmpty();

        assertThat(round(SLOT_END.plus(Duration.ofHours(2)))).isEqualTo(new RadioReminders.Round(1, 1, 0, 0));
        assertThat(sms.reminded).hasSize(2).allSatisfy(t -> assertThat(t)
                .contains("02/12/2026 19:00", "OK " + script.code(), "REPORT " + script.code()));
        assertThat(sms.reminded).extracting(t -> t.split(":")[1]).containsExactlyInAnyOrder(
                phones.pseudonym("+22376000001"), phones.pseudonym("+22376000002"));

        assertThat(round(SLOT_END.plus(Duration.ofHours(30))).claimed()).isZero();
        assertThat(sms.reminded).hasSize(2);
        assertThat(store.scripts.get(script.id()).remindedAt()).contains(SLOT_END.plus(Duration.ofHours(2)));
        assertThat(report()).isEqualTo(new PartnerReport(station.partner().id(), 1, 0, 0, 0, 1));
    }

    @Test
    void aBroadcastConfirmedBeforeTheGraceGetsNoReminder() {
        now = SLOT_END.plusSeconds(60);
        confirm(RadioConfirmation.Kind.AIRED);
        assertThat(round(SLOT_END.plus(Duration.ofHours(3)))).isEqualTo(new RadioReminders.Round(1, 0, 1, 0));
        assertThat(sms.reminded).isEmpty();
    }

    @Test
    void aPostponedBroadcastGetsNoReminder() {
        confirm(RadioConfirmation.Kind.POSTPONED);
        assertThat(round(SLOT_END.plus(Duration.ofHours(3))).skipped()).isEqualTo(1);
        assertThat(sms.reminded).isEmpty();
        assertThat(report()).isEqualTo(new PartnerReport(station.partner().id(), 0, 0, 1, 0, 0));
    }

    @Test
    void aRevokedStationGetsNoReminder() {
        service.revokePartner(station.partner().id()).toCompletableFuture().join();
        assertThat(round(SLOT_END.plus(Duration.ofHours(3))).skipped()).isEqualTo(1);
        assertThat(sms.reminded).isEmpty();
    }

    @Test
    void aBroadcastFirstSeenAfterItIsMissedGetsNoReminderAndCountsMissed() {
        assertThat(round(SLOT_END.plus(Duration.ofDays(2))).skipped()).isEqualTo(1);
        assertThat(sms.reminded).isEmpty();
        assertThat(report()).isEqualTo(new PartnerReport(station.partner().id(), 0, 0, 0, 1, 0));
    }

    @Test
    void aConfirmationAfterTheReminderKeepsTheReminderInTheReport() {
        round(SLOT_END.plus(Duration.ofHours(2)));
        confirm(RadioConfirmation.Kind.AIRED);
        now = SLOT_END.plus(Duration.ofDays(5));
        assertThat(report()).isEqualTo(new PartnerReport(station.partner().id(), 0, 1, 0, 0, 1));
    }

    @Test
    void aFailedSendKeepsItsClaimUntilTheLeaseEndsThenIsSentOnce() {
        sms.failing = true;
        Instant due = SLOT_END.plus(Duration.ofHours(2));
        assertThat(round(due)).isEqualTo(new RadioReminders.Round(1, 0, 0, 1));
        sms.failing = false;
        assertThat(round(due.plus(LEASE).minusMillis(1)).claimed()).isZero();
        assertThat(round(due.plus(LEASE))).isEqualTo(new RadioReminders.Round(1, 1, 0, 0));
        assertThat(sms.reminded).hasSize(2);
    }
}
