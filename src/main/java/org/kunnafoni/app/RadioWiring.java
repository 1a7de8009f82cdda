package org.kunnafoni.app;

import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.intake.IntakeService;
import org.kunnafoni.intake.RadioConfirmations;
import org.kunnafoni.intake.keyword.KeywordCommand;
import org.kunnafoni.lead.Lead;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.lead.LeadStatus;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.radio.ConfirmationResult;
import org.kunnafoni.radio.VerifiedLeadCounts;
import org.kunnafoni.store.RedisLeadReview;
import org.kunnafoni.radio.PartnerToken;
import org.kunnafoni.radio.RadioPlanner;
import org.kunnafoni.radio.RadioReminders;
import org.kunnafoni.radio.ReminderPolicy;
import org.kunnafoni.radio.ReminderText;
import org.kunnafoni.radio.RadioService;
import org.kunnafoni.radio.RadioSettings;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisRadioStore;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.text.template.TopicSpec;
import org.kunnafoni.triage.place.Gazetteer;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.AuthService;
import org.kunnafoni.web.radio.PartnerRoutes;
import org.kunnafoni.web.radio.RadioRoutes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Radio partners: the service over Redis, its API and partner routes, SMS confirmations in intake, and the loop
 * that reminds stations of the broadcasts they have not confirmed.
 */
record RadioWiring(RadioRoutes routes, PartnerRoutes partnerRoutes, BackgroundLoop reminders)
        implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RadioWiring.class);
    private static final int REMINDERS_PER_ROUND = 16;
    // far longer than one round (a few Redis calls and dispatch writes); a claim outliving it is taken over
    private static final Duration REMINDER_LEASE = Duration.ofMinutes(5);

    static RadioWiring build(GatewayConfig config, RedisConnector redis, PhoneProtector phones,
                             DispatchWiring dispatch, IntakeService intake, AuthService auth, AuthHandler handler,
                             InstantSource clock) {
        TemplateLibrary templates = TemplateLibrary.loadDefault();
        RedisRadioStore store = new RedisRadioStore(redis);
        RadioPlanner planner = new RadioPlanner(templates, RadioSettings.loadDefault(), config.intake().hotline(),
                RadioWiring::shortId, new SecureRandom());
        String sender = config.dispatch().senders().getOrDefault("twilio", "twilio");
        DispatchNotifier notifier = new DispatchNotifier(dispatch.store(), dispatch.queue(), "twilio", sender, clock);
        ReminderPolicy policy = new ReminderPolicy(config.radio().reminderAfter(), config.radio().missedAfter());
        RadioService radio = new RadioService(store, planner, notifier, phones, clock, RadioWiring::shortId,
                PartnerToken::random, policy);
        intake.radioConfirmations(confirmations(radio));
        radio.verifiedLeadCounts(verifiedCounts(new RedisLeadReview(redis)));
        Set<String> topics = templates.topics(RadioPlanner.KIND).stream().map(TopicSpec::topic)
                .collect(Collectors.toSet());
        BackgroundLoop reminders = reminderLoop(new RadioReminders(store, notifier, ReminderText.loadDefault(), policy,
                clock, REMINDER_LEASE), config.radio().reminderInterval());
        reminders.start();
        return new RadioWiring(new RadioRoutes(radio, auth, handler, Set.copyOf(Gazetteer.loadDefault().regions()),
                topics, config.intake().defaultCountry(), clock, RadioWiring::shortId),
                new PartnerRoutes(radio, clock), reminders);
    }

    /** A full round means more may be due: go again at once; otherwise wait one interval. */
    private static BackgroundLoop reminderLoop(RadioReminders reminders, Duration interval) {
        return new BackgroundLoop("kunnafoni-radio-reminders", interval, () -> {
            RadioReminders.Round round = reminders.runOnce(REMINDERS_PER_ROUND).toCompletableFuture().join();
            if (round.claimed() > 0) {
                LOG.info("radio reminders: {} sent, {} not needed, {} failed (retried after {})", round.sent(),
                        round.skipped(), round.failed(), REMINDER_LEASE);
            }
            return round.claimed() >= REMINDERS_PER_ROUND;
        });
    }

    @Override
    public void close() throws InterruptedException {
        reminders.close();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Verified leads per region whose last report is recent; leads without a region are not counted. */
    private static VerifiedLeadCounts verifiedCounts(LeadReview review) {
        return since -> review.all(false).thenApply(all -> all.stream().map(ReviewedLead::lead)
                .filter(l -> l.status() == LeadStatus.VERIFIED && l.region() != null && !l.lastSeen().isBefore(since))
                .collect(Collectors.groupingBy(Lead::region, Collectors.counting())));
    }

    private static RadioConfirmations confirmations(RadioService radio) {
        return new RadioConfirmations() {
            @Override
            public CompletionStage<Boolean> isPartnerNumber(String pseudonym) {
                return radio.isPartnerNumber(pseudonym);
            }

            @Override
            public CompletionStage<Optional<String>> confirm(String pseudonym, KeywordCommand.RadioConfirmation c) {
                return radio.confirmBySms(pseudonym, c).thenApply(result -> Optional.of(
                        result instanceof ConfirmationResult.Recorded
                                ? "Kunnafoni: " + c.code() + " enregistre. Merci."
                                : "Kunnafoni: code " + c.code() + " inconnu pour votre radio."));
            }
        };
    }
}
