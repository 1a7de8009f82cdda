package org.kunnafoni.radio;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

class RadioServiceTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
    private final MemoryRadioStore store = new MemoryRadioStore();
    private final PhoneProtector phones = new PhoneProtector(new byte[32]);
    private final RecordingNotifier notifier = new RecordingNotifier();
    private Instant now = MONDAY;
    private RadioService service;
    private RadioService.Created a;
    private RadioService.Created b;

    @BeforeEach
    void setUp() {
        AtomicInteger ids = new AtomicInteger();
        AtomicInteger tokens = new AtomicInteger();
        InstantSource clock = () -> now;
        RadioPlanner planner = new RadioPlanner(TemplateLibrary.loadDefault(), RadioSettings.loadDefault(),
                "+223 20 20 20 20", () -> "S" + ids.incrementAndGet(), new SplittableRandom(7));
        service = new RadioService(store, planner, notifier, phones, clock, () -> "" + ids.incrementAndGet(),
                () -> "token-" + tokens.incrementAndGet(), ReminderPolicy.DEFAULT);
        a = partner("Radio A", "gao", "+22376000001");
        b = partner("Radio B", "gao", "+22376000002");
        service.create(new RadioCampaign("C1", "how_to_report", List.of("gao"), List.of(Language.FRA),
                LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), "sup", MONDAY)).toCompletableFuture().join();
    }

    private RadioService.Created partner(String station, String region, String number) {
        return service.createPartner(new PartnerDetails(station, List.of(region), List.of(Language.FRA),
                List.of(new BroadcastSlot(DayOfWeek.WEDNESDAY, LocalTime.of(19, 0), Duration.ofMinutes(5))),
                List.of(number))).toCompletableFuture().join();
    }

    private RadioScript firstScriptOf(RadioService.Created p) {
        return service.scriptsOf(p.partner()).toCompletableFuture().join().get(0);
    }

    @Test
    void tokenIsStoredHashedAndEachPartnerNotified() {
        assertThat(a.partner().tokenHash()).isEqualTo(PartnerToken.hash(a.token())).isNotEqualTo(a.token());
        assertThat(a.partner().encryptedNumbers()).noneMatch(n -> n.contains("76000001"));
        assertThat(notifier.notified).hasSize(2).allMatch(t -> t.contains("DIFF "));
    }

    @Test
    void partnerAuthenticatesOnlyWithItsOwnLiveToken() {
        assertThat(service.authenticate(a.token()).toCompletableFuture().join()).map(RadioPartner::id)
                .contains(a.partner().id());
        assertThat(service.authenticate("nope").toCompletableFuture().join()).isEmpty();
        service.revokePartner(a.partner().id()).toCompletableFuture().join();
        assertThat(service.authenticate(a.token()).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void partnerCannotReadOrConfirmAnotherPartnersScript() {
        RadioScript ofB = firstScriptOf(b);
        assertThat(service.scriptsOf(a.partner()).toCompletableFuture().join())
                .allMatch(s -> s.partnerId().equals(a.partner().id())).isNotEmpty();
        assertThat(service.scriptOf(a.partner(), ofB.id()).toCompletableFuture().join()).isEmpty();
        assertThat(service.confirm(a.partner(), ofB.id(), RadioConfirmation.Kind.AIRED, Optional.empty())
                .toCompletableFuture().join()).isInstanceOf(ConfirmationResult.Unknown.class);
        assertThat(store.scripts.get(ofB.id()).status()).isEqualTo(BroadcastStatus.PLANNED);
    }

    @ParameterizedTest(name = "SMS from {0} confirming {1}'s code → {2}")
    @CsvSource({
            "+22376000001, A, confirmed",
            "+22376000001, B, planned",
            "+22376000002, B, confirmed",
            "+22376999999, A, planned",
    })
    void smsConfirmationCountsOnlyFromTheOwningStation(String from, String owner, String expected) {
        RadioScript script = firstScriptOf(owner.equals("A") ? a : b);
        String pseudonym = phones.pseudonym(from);
        ConfirmationResult result = service.confirmBySms(pseudonym,
                new RadioConfirmation(RadioConfirmation.Kind.AIRED, script.code(), Optional.empty()))
                .toCompletableFuture().join();
        assertThat(store.scripts.get(script.id()).status().id()).isEqualTo(expected);
        assertThat(result instanceof ConfirmationResult.Recorded).isEqualTo(expected.equals("confirmed"));
    }

    @Test
    void unregisteredNumberIsNotAPartner() {
        assertThat(service.isPartnerNumber(phones.pseudonym("+22376000001")).toCompletableFuture().join()).isTrue();
        assertThat(service.isPartnerNumber(phones.pseudonym("+22376999999")).toCompletableFuture().join()).isFalse();
    }

    /** The Wednesday 19:00–19:05 slot; missed-after is 2 days (the default policy). */
    @ParameterizedTest(name = "at {0}: B is {1}")
    @CsvSource({
            "2026-12-02T18:00:00Z, planned",
            "2026-12-03T12:00:00Z, planned",
            "2026-12-04T19:04:59Z, planned",
            "2026-12-04T19:05:00Z, missed",
    })
    void reportCountsConfirmedPostponedAndMissedSlots(String at, String b) {
        RadioScript ofA = firstScriptOf(a);
        service.confirm(a.partner(), ofA.id(), RadioConfirmation.Kind.POSTPONED, Optional.of("panne"))
                .toCompletableFuture().join();
        now = Instant.parse(at);
        boolean missed = b.equals("missed");
        assertThat(service.report("C1").toCompletableFuture().join()).containsExactlyInAnyOrder(
                new PartnerReport(a.partner().id(), 0, 0, 1, 0, 0),
                new PartnerReport(this.b.partner().id(), missed ? 0 : 1, 0, 0, missed ? 1 : 0, 0));
    }
}
