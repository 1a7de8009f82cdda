package org.kunnafoni.app;

import com.samskivert.mustache.Mustache;
import org.kunnafoni.dispatch.EscalationNotifier;
import org.kunnafoni.store.RedisEscalationFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads {@code {escalations}:stream} on its own thread and hands each escalation to the notifier, which plans an SMS
 * per on-call number through the dispatch pipeline. An entry is acknowledged after its dispatches are queued; one
 * left unacknowledged (crash, Redis away) is taken over later, and the notifier's stable ids make that harmless.
 */
final class EscalationSms implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationSms.class);
    private static final String TEMPLATE = "/message-templates/escalation/fra.txt";
    private static final Duration BLOCK = Duration.ofMillis(500);

    private final RedisEscalationFeed feed;
    private final EscalationNotifier notifier;
    private final String consumer;
    // the feed's blocking read paces the loop; a failed round leaves its entries for a retry after BLOCK
    private final BackgroundLoop loop = new BackgroundLoop("kunnafoni-escalation-sms", BLOCK, () -> {
        runOnce();
        return true;
    });

    EscalationSms(RedisEscalationFeed feed, EscalationNotifier notifier, String consumer) {
        this.feed = feed;
        this.notifier = notifier;
        this.consumer = consumer;
    }

    /** The neutral staff text: how long the lead waited and its id, nothing of the report. */
    static UnaryOperator<String> body(Duration after) {
        String source;
        try (InputStream in = EscalationSms.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + TEMPLATE);
            }
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TEMPLATE, e);
        }
        var template = Mustache.compiler().escapeHTML(false).strictSections(true).compile(source);
        String waited = after.toSeconds() >= 60 ? after.toMinutes() + " min" : after.toSeconds() + " s";
        return lead -> template.execute(Map.of("after", waited, "lead", lead));
    }

    int runOnce() {
        List<RedisEscalationFeed.Entry> entries = feed.take(consumer, 16, BLOCK).toCompletableFuture().join();
        for (RedisEscalationFeed.Entry entry : entries) {
            int fresh = notifier.notify(entry.leadId()).toCompletableFuture().join();
            feed.ack(entry).toCompletableFuture().join();
            LOG.info("escalation of lead {}: {} on-call SMS planned", entry.leadId(), fresh);
        }
        return entries.size();
    }

    synchronized void start() {
        loop.start();
    }

    @Override
    public void close() throws InterruptedException {
        loop.stop(BLOCK.plusSeconds(10));
        feed.close();
    }
}
