package org.kunnafoni.app;

import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.kunnafoni.lead.CandidateRead;
import org.kunnafoni.lead.ClusterDecision;
import org.kunnafoni.lead.ClusterPolicy;
import org.kunnafoni.lead.ClusterRun;
import org.kunnafoni.lead.LeadWrite;
import org.kunnafoni.lead.TriagedReport;
import org.kunnafoni.store.IntakeEntryFields;
import org.kunnafoni.store.RedisKeys;
import org.kunnafoni.store.RedisLeadStore;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TriageEngine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A batch of intake entries through triage into leads in a fixed number of pipelined round trips, whatever its
 * size: the reporters' languages, one candidate read per region and category, every lead write (each write is
 * followed by its global-index update). Reports of one region and category are clustered in stream order as if
 * each earlier one were already written ({@link ClusterRun}); different groups do not affect each other.
 * Nothing is acknowledged here.
 */
final class TriageBatch {
    /**
     * What happened to one entry: written into a lead, left out because its sender was over the per-sender limit
     * (flood=1, stays in the intake stream), or failed (its fault, counted towards dead-lettering).
     */
    sealed interface Outcome {
        String entryId();

        record Written(String entryId, LeadWrite write, Instant receivedAt) implements Outcome {
        }

        record Flood(String entryId) implements Outcome {
        }

        record Failed(String entryId, Exception error) implements Outcome {
        }
    }

    /** Waits for a Redis reply; throws {@link TriageWorker.StoreUnavailable} when Redis is gone or slow. */
    interface Waiter {
        <T> T await(CompletionStage<T> reply);
    }

    private record Entry(StreamMessage<String, String> message, String text, String reporter, Instant received) {
        String id() {
            return message.getId();
        }
    }

    private record Group(String region, Category category) {
    }

    private record Triaged(Entry entry, TriagedReport report) {
    }

    private final LanguageCache languages;
    /** Reporters whose language a worker remembers, and for how long (a hint to triage, see LanguageCache). */
    private static final Duration LANGUAGE_TTL = Duration.ofMinutes(1);
    private static final int LANGUAGE_CAPACITY = 20_000;

    private final RedisLeadStore leads;
    private final TriageEngine engine;
    private final ClusterPolicy policy;
    private final TriageMetrics metrics;
    private final InstantSource clock;
    private final Waiter waiter;

    TriageBatch(RedisClusterAsyncCommands<String, String> redis, RedisLeadStore leads, TriageEngine engine,
                ClusterPolicy policy, TriageMetrics metrics, InstantSource clock, Waiter waiter) {
        this.languages = new LanguageCache(redis, LANGUAGE_TTL, LANGUAGE_CAPACITY);
        this.leads = leads;
        this.engine = engine;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
        this.waiter = waiter;
    }

    /** Processes the batch, looking up the reporters' known languages (cached, else one pipelined read). */
    List<Outcome> run(List<StreamMessage<String, String>> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        List<Entry> entries = parse(batch, outcomes);
        Map<String, CompletionStage<String>> replies = languages.lookUp(entries.stream().map(Entry::reporter).toList());
        return finish(entries, e -> language(e.reporter(), replies.get(e.reporter())), outcomes);
    }

    /** Processes the batch with a language given for every entry (no lookup). */
    List<Outcome> run(List<StreamMessage<String, String>> batch, Optional<Language> knownLanguage) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        return finish(parse(batch, outcomes), e -> knownLanguage, outcomes);
    }

    private List<Outcome> finish(List<Entry> entries, Function<Entry, Optional<Language>> knownLanguage,
                                 List<Outcome> outcomes) {
        Map<Group, List<Triaged>> groups = new LinkedHashMap<>();
        for (Entry e : entries) {
            triage(e, knownLanguage, outcomes).ifPresent(t -> groups.computeIfAbsent(
                    new Group(t.report().facts().region(), t.report().facts().category()), g -> new ArrayList<>())
                    .add(t));
        }
        Map<Group, CompletionStage<CandidateRead>> reads = new LinkedHashMap<>();
        groups.forEach((group, items) -> reads.put(group, read(group, items, outcomes)));
        List<Triaged> sent = new ArrayList<>();
        List<CompletionStage<LeadWrite>> writes = new ArrayList<>();
        groups.forEach((group, items) -> write(group, items, reads.get(group), sent, writes, outcomes));
        for (int i = 0; i < sent.size(); i++) {
            Entry e = sent.get(i).entry();
            try {
                outcomes.add(new Outcome.Written(e.id(), waiter.await(writes.get(i)), e.received()));
            } catch (TriageWorker.Refused refused) {
                outcomes.add(new Outcome.Failed(e.id(), refused));
            }
        }
        return outcomes;
    }

    private static List<Entry> parse(List<StreamMessage<String, String>> batch, List<Outcome> outcomes) {
        List<Entry> entries = new ArrayList<>(batch.size());
        for (StreamMessage<String, String> m : batch) {
            try {
                Map<String, String> body = m.getBody() == null ? Map.of() : m.getBody();
                if ("1".equals(body.get(IntakeEntryFields.FLOOD))) {
                    outcomes.add(new Outcome.Flood(m.getId()));
                    continue;
                }
                entries.add(new Entry(m, required(body, IntakeEntryFields.BODY),
                        required(body, IntakeEntryFields.REPORTER),
                        Instant.parse(required(body, IntakeEntryFields.RECEIVED_AT))));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome.Failed(m.getId(), e));
            }
        }
        return entries;
    }

    private Optional<Language> language(String reporter, CompletionStage<String> reply) {
        String code = waiter.await(reply);
        languages.remember(reporter, code);
        return Optional.ofNullable(code).flatMap(Language::fromCode);
    }

    /** Any failure but an unreachable Redis is the entry's own, so it can end in the dead-letter stream. */
    private Optional<Triaged> triage(Entry e, Function<Entry, Optional<Language>> known, List<Outcome> outcomes) {
        metrics.lagMillis.set(Math.max(0, clock.millis() - e.received().toEpochMilli()));
        try {
            return Optional.of(new Triaged(e, TriagedReport.of(e.id(), e.reporter(), e.text(), e.received(),
                    clock.instant(), engine.triage(e.text(), known.apply(e)))));
        } catch (TriageWorker.StoreUnavailable unavailable) {
            throw unavailable;
        } catch (RuntimeException error) {
            outcomes.add(new Outcome.Failed(e.id(), error));
            return Optional.empty();
        }
    }

    /** One read covering every report of the group: the window around the earliest to the latest. */
    private CompletionStage<CandidateRead> read(Group group, List<Triaged> items, List<Outcome> outcomes) {
        try {
            return read(group, items);
        } catch (RuntimeException error) {
            items.forEach(t -> outcomes.add(new Outcome.Failed(t.entry().id(), error)));
            return null;
        }
    }

    private CompletionStage<CandidateRead> read(Group group, List<Triaged> items) {
        Instant first = items.get(0).entry().received();
        Instant last = first;
        for (Triaged t : items) {
            Instant at = t.entry().received();
            first = at.isBefore(first) ? at : first;
            last = at.isAfter(last) ? at : last;
        }
        Duration halfSpan = Duration.between(first, last).dividedBy(2);
        return leads.read(group.region(), group.category(), first.plus(halfSpan), policy.window().plus(halfSpan),
                items.stream().map(t -> t.entry().id()).toList());
    }

    private void write(Group group, List<Triaged> items, CompletionStage<CandidateRead> pending, List<Triaged> sent,
                       List<CompletionStage<LeadWrite>> writes, List<Outcome> outcomes) {
        if (pending == null) {
            return;
        }
        CandidateRead read;
        try {
            read = waiter.await(pending);
        } catch (TriageWorker.Refused refused) {
            items.forEach(t -> outcomes.add(new Outcome.Failed(t.entry().id(), refused)));
            return;
        }
        ClusterRun run = new ClusterRun(read.candidates(), policy, RedisLeadStore.RECENT_TERM_LISTS);
        for (Triaged t : items) {
            String id = t.entry().id();
            try {
                // a redelivered entry is already in a lead the read shows: the write only reports it as a duplicate
                ClusterDecision decision = read.alreadyWritten().containsKey(id) ? new ClusterDecision.Open()
                        : run.decide(t.report(), RedisKeys.leadId(group.region(), id));
                writes.add(leads.write(t.report().triagedAt(clock.instant()), decision));
                sent.add(t);
            } catch (RuntimeException error) {
                outcomes.add(new Outcome.Failed(id, error));
            }
        }
    }

    private static String required(Map<String, String> body, String field) {
        String value = body.get(field);
        if (value == null) {
            throw new IllegalArgumentException("intake entry without " + field);
        }
        return value;
    }
}
