package org.kunnafoni.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.kunnafoni.audience.ConsentChange;
import org.kunnafoni.audience.ConsentResult;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.audience.SubscriberRepository;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.keyword.KeywordCommand;
import org.kunnafoni.intake.keyword.KeywordParser;
import org.kunnafoni.triage.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one path every inbound message takes, whatever its channel: keyword commands change consent and get a
 * reply; everything else is an alert, appended durably to the intake stream before the caller acknowledges it.
 * While Redis cannot take writes (or older spooled messages still wait), messages go to the fsynced local
 * spool instead, so what was acknowledged is never lost and arrives in order.
 */
public final class IntakeService {
    /** Spooled alerts stored by one script during a replay. */
    private static final int REPLAY_BATCH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final KeywordParser keywords;
    private final ReplyBook replies;
    private final ReporterKeys reporters;
    private final AlertQueue queue;
    private final SubscriberRepository subscribers;
    private final Spool spool;
    private final SpoolBatcher spoolBatch;
    private final IntakeMetrics metrics;
    private final IntakeLoad load = new IntakeLoad();
    private final AtomicBoolean storeAvailable = new AtomicBoolean(true);
    /** Orders the degraded path of accept() against resumeDirect() (see there). */
    private final Object gate = new Object();
    private volatile RadioConfirmations radio = RadioConfirmations.NONE;

    public IntakeService(KeywordParser keywords, ReplyBook replies, PhoneProtector phones, String defaultCountry,
                         AlertQueue queue, SubscriberRepository subscribers, Spool spool, Executor spoolWriter,
                         MeterRegistry registry) {
        this.keywords = keywords;
        this.replies = replies;
        this.reporters = new ReporterKeys(phones, defaultCountry);
        this.queue = queue;
        this.subscribers = subscribers;
        this.spool = spool;
        this.spoolBatch = new SpoolBatcher(spool, spoolWriter);
        this.metrics = new IntakeMetrics(registry, spool::depth, load::waiting);
    }

    /** Messages being accepted and not yet durable (read by the triage workers, which yield to a busy intake). */
    public IntakeLoad load() {
        return load;
    }

    /** Routes broadcast confirmations from registered station numbers to the radio service (set once at start). */
    public void radioConfirmations(RadioConfirmations confirmations) {
        this.radio = confirmations;
    }

    /** Takes one message; the returned stage completes only once the message is durable (or was a duplicate). */
    public CompletionStage<IntakeOutcome> accept(InboundMessage message) {
        load.begin();
        CompletionStage<IntakeOutcome> outcome;
        try {
            outcome = take(message);
        } catch (RuntimeException e) {
            load.end();
            throw e;
        }
        outcome.whenComplete((done, error) -> load.end());
        return outcome;
    }

    private CompletionStage<IntakeOutcome> take(InboundMessage message) {
        metrics.received(message.channel());
        KeywordCommand command = keywords.parse(message.body());
        if (command instanceof KeywordCommand.Help help) {
            metrics.keyword("help");
            return CompletableFuture.completedFuture(
                    new IntakeOutcome.CommandHandled("help", replies.forCommand(help)));
        }
        if (!direct()) {
            synchronized (gate) {
                // decided and queued under the gate, so resumeDirect() never switches to Redis while this message
                // is between the decision and the spool writer's queue (it would be stored after later ones)
                if (!direct()) {
                    return spool(message, command);
                }
            }
        }
        return store(message, command).exceptionallyCompose(error -> {
            storeAvailable.set(false);
            LOG.warn("Redis write failed ({}); spooling message {}", rootMessage(error), message.providerId());
            return spool(message, command);
        });
    }

    private boolean direct() {
        return storeAvailable.get() && spool.depth() == 0;
    }

    /** Stores a message in Redis; used directly and by spool replay (duplicates are harmless). */
    public CompletionStage<IntakeOutcome> store(InboundMessage message) {
        return store(message, keywords.parse(message.body()));
    }

    /**
     * Ends degraded mode once the spool has been replayed (call on the spool thread, right after the replay).
     * Messages that came in meanwhile and still wait for the spool writer go to Redis instead, in order, each
     * answered once stored, until none is waiting; then, under the same gate as {@link #accept}, intake writes to
     * Redis directly again. Without this, under steady load every replay left the messages of its own duration
     * behind it on the spool, and intake stayed degraded as long as the load lasted. If Redis fails, the messages
     * taken go to the spool after all (or fail, if the disk refuses them too) and intake stays degraded.
     */
    public void resumeDirect(java.time.Duration timeout) throws Exception {
        while (true) {
            List<SpoolBatcher.Pending> waiting;
            synchronized (gate) {
                waiting = spoolBatch.takeWaiting(REPLAY_BATCH);
                if (waiting.isEmpty()) {
                    if (spool.depth() == 0) {
                        storeAvailable.set(true);
                    }
                    return;
                }
            }
            try {
                replay(waiting.stream().map(SpoolBatcher.Pending::message).toList(), timeout);
            } catch (Exception e) {
                spoolBatch.writeNow(waiting);
                throw e;
            }
            waiting.forEach(p -> p.written().complete(null));
        }
    }

    public boolean storeAvailable() {
        return storeAvailable.get();
    }

    private CompletionStage<IntakeOutcome> store(InboundMessage message, KeywordCommand command) {
        ReporterKeys.Keys sender = reporters.of(message.from());
        CompletionStage<IntakeOutcome> stored;
        try {
            if (command instanceof KeywordCommand.OptOut optOut) {
                stored = applyConsent(consent(message, sender, ConsentChange.Action.OPT_OUT,
                        Optional.empty(), Optional.empty(), optOut.keyword()), command);
            } else if (command instanceof KeywordCommand.OptIn optIn) {
                stored = applyConsent(consent(message, sender, ConsentChange.Action.OPT_IN,
                        optIn.region(), optIn.language().or(() -> Optional.of(optIn.replyLanguage())),
                        optIn.keyword()), command);
            } else if (command instanceof KeywordCommand.RadioConfirmation confirmation) {
                stored = radio.isPartnerNumber(sender.pseudonym()).thenCompose(partner -> partner
                        ? radio.confirm(sender.pseudonym(), confirmation).thenApply(this::radioOutcome)
                        : appendAlert(message, sender));
            } else {
                stored = appendAlert(message, sender);
            }
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored;
    }

    private CompletionStage<IntakeOutcome> appendAlert(InboundMessage message, ReporterKeys.Keys sender) {
        return queue.append(new Alert(message, sender.pseudonym(), sender.encryptedPhone()))
                .thenApply(this::alertOutcome);
    }

    private IntakeOutcome radioOutcome(Optional<String> reply) {
        metrics.keyword("radio_confirmation");
        return new IntakeOutcome.CommandHandled("radio_confirmation", reply);
    }

    private ConsentChange consent(InboundMessage m, ReporterKeys.Keys sender, ConsentChange.Action action,
                                  Optional<String> region, Optional<Language> language,
                                  String keyword) {
        return new ConsentChange(sender.pseudonym(), sender.encryptedPhone(), action, region, language, m.channel(),
                m.dedupeId(), keyword, m.receivedAt(), ConsentChange.Decider.PERSON, "sms_keyword:" + m.channel());
    }

    private CompletionStage<IntakeOutcome> applyConsent(ConsentChange change, KeywordCommand command) {
        return subscribers.apply(change).thenApply(result -> {
            if (result instanceof ConsentResult.Duplicate) {
                metrics.duplicate();
                return new IntakeOutcome.Duplicate();
            }
            return commandOutcome(command);
        });
    }

    private IntakeOutcome alertOutcome(AlertQueue.EnqueueResult result) {
        if (result instanceof AlertQueue.EnqueueResult.Enqueued enqueued) {
            metrics.stored();
            if (enqueued.flood()) {
                metrics.throttled();
            }
            // a flooding sender gets the same answer as anyone: nothing tells them (or a sender who
            // floods on purpose) that the limit applies
            return new IntakeOutcome.AlertStored(enqueued.entryId(), replies.forAlert(Language.FRA));
        }
        metrics.duplicate();
        return new IntakeOutcome.Duplicate();
    }

    /** The outcome once a message is durable: a handled consent command, or a spooled alert. */
    private IntakeOutcome commandOutcome(KeywordCommand command) {
        String name = command instanceof KeywordCommand.OptOut ? "opt_out"
                : command instanceof KeywordCommand.OptIn ? "opt_in" : null;
        if (name == null) {
            return new IntakeOutcome.AlertSpooled(replies.forAlert(Language.FRA));
        }
        metrics.keyword(name);
        return new IntakeOutcome.CommandHandled(name, replies.forCommand(command));
    }

    private CompletionStage<IntakeOutcome> spool(InboundMessage message, KeywordCommand command) {
        return spoolBatch.append(message).handle((written, error) -> {
            if (error != null) {
                metrics.spoolFailure();
                Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                // the cause ("No space left on device") goes into the message: the webhooks log only the message
                throw new java.io.UncheckedIOException("the spool cannot store the message (" + cause.getMessage() + ")",
                        cause instanceof java.io.IOException io ? io : new java.io.IOException(cause));
            }
            metrics.spooled();
            return commandOutcome(command);
        });
    }

    /**
     * Stores spooled messages into Redis in their order, blocking the (spool) thread until done. Runs of alerts
     * go in batches, each one script that Redis runs whole or not at all (one fsync for the batch, and a failure
     * never stores a later alert before an earlier one); a consent or radio command takes several round trips, so
     * it goes alone, after everything before it.
     */
    public void replay(List<InboundMessage> messages, java.time.Duration timeout) throws Exception {
        List<Alert> alerts = new java.util.ArrayList<>();
        for (InboundMessage message : messages) {
            KeywordCommand command = keywords.parse(message.body());
            if (command instanceof KeywordCommand.OptOut || command instanceof KeywordCommand.OptIn
                    || command instanceof KeywordCommand.RadioConfirmation) {
                appendAll(alerts, timeout);
                store(message, command).toCompletableFuture()
                        .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                continue;
            }
            ReporterKeys.Keys sender = reporters.of(message.from());
            alerts.add(new Alert(message, sender.pseudonym(), sender.encryptedPhone()));
            if (alerts.size() >= REPLAY_BATCH) {
                appendAll(alerts, timeout);
            }
        }
        appendAll(alerts, timeout);
    }

    private void appendAll(List<Alert> alerts, java.time.Duration timeout) throws Exception {
        if (alerts.isEmpty()) {
            return;
        }
        queue.appendAll(List.copyOf(alerts)).toCompletableFuture()
                .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .forEach(this::alertOutcome);
        alerts.clear();
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
