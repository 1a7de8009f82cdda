package org.kunnafoni.campaign;

import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** What the campaigns API does: preview, create (and schedule the first run), show with progress, cancel. */
public final class Campaigns {
    private final CampaignStore store;
    private final Audience audience;
    private final TemplateLibrary templates;
    private final Set<String> regions;
    private final Settings settings;
    private final InstantSource clock;
    private final Supplier<String> ids;
    private final CampaignChannel.Available channels;

    /**
     * @param pricePerSegment what one SMS segment costs with the provider, in {@code currency}
     * @param defaultValidity how long a run's messages may still leave when the request names no validity
     */
    public record Settings(BigDecimal pricePerSegment, String currency, Duration defaultValidity) {
    }

    public Campaigns(CampaignStore store, Audience audience, TemplateLibrary templates, Set<String> regions,
                     Settings settings, InstantSource clock, Supplier<String> ids) {
        this(store, audience, templates, regions, settings, clock, ids, CampaignChannel.Available.twilioOnly());
    }

    /** @param channels what campaigns may send through besides Twilio (configured relay phones) */
    public Campaigns(CampaignStore store, Audience audience, TemplateLibrary templates, Set<String> regions,
                     Settings settings, InstantSource clock, Supplier<String> ids, CampaignChannel.Available channels) {
        this.channels = channels;
        this.store = store;
        this.audience = audience;
        this.templates = templates;
        this.regions = Set.copyOf(regions);
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
    }

    public sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {
        }

        record Invalid<T>(List<String> errors) implements Outcome<T> {
        }

        record NotFound<T>() implements Outcome<T> {
        }

        /** The campaign is already done or canceled. */
        record Conflict<T>(CampaignStatus status) implements Outcome<T> {
        }
    }

    public CompletionStage<Outcome<CampaignPreview>> preview(Map<String, ?> body) {
        CampaignRequests.Parsed parsed = parse(body);
        if (parsed instanceof CampaignRequests.Parsed.Invalid invalid) {
            return CompletableFuture.completedFuture(new Outcome.Invalid<>(invalid.errors()));
        }
        return preview(((CampaignRequests.Parsed.Valid) parsed).request())
                .thenApply(Outcome.Done::new);
    }

    private CompletionStage<CampaignPreview> preview(CampaignRequest request) {
        Map<Language, CampaignText> texts = CampaignText.renderAll(templates, request.topic(), request.variables(),
                request.languages(), request.transliterate());
        List<Audience.Cell> cells = Audience.Cell.of(request.regions(), request.languages());
        return audience.count(cells).thenApply(counts -> CampaignPreview.compute(texts, counts, cells,
                settings.pricePerSegment(), settings.currency()));
    }

    /** Validates, saves and schedules the first run; answers the campaign with its preview. */
    public CompletionStage<Outcome<Created>> create(Map<String, ?> body, String createdBy) {
        CampaignRequests.Parsed parsed = parse(body);
        if (parsed instanceof CampaignRequests.Parsed.Invalid invalid) {
            return CompletableFuture.completedFuture(new Outcome.Invalid<>(invalid.errors()));
        }
        CampaignRequest request = ((CampaignRequests.Parsed.Valid) parsed).request();
        Instant now = clock.instant();
        Campaign campaign = Campaign.of(ids.get(), request, createdBy, now);
        Instant first = request.schedule().firstRun(now).orElseThrow();
        return preview(request).thenCompose(preview -> store.create(campaign)
                .thenCompose(created -> store.scheduleRun(campaign.id(), first))
                .thenCompose(v -> store.updateStatus(campaign.id(), CampaignStatus.SCHEDULED))
                .thenApply(v -> new Outcome.Done<>(new Created(campaign.withStatus(CampaignStatus.SCHEDULED), first,
                        preview))));
    }

    public record Created(Campaign campaign, Instant firstRun, CampaignPreview preview) {
    }

    /** A campaign with each run's live progress and the campaign's total. */
    public record View(Campaign campaign, List<RunView> runs, RunProgress total, BigDecimal pricePerSegment,
                       String currency) {
    }

    public record RunView(CampaignRun run, RunProgress progress) {
    }

    public CompletionStage<Outcome<View>> view(String id) {
        return store.find(id).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new Outcome.NotFound<>());
            }
            return store.runs(id).thenCompose(runs -> progressOf(runs).thenApply(views -> new Outcome.Done<>(
                    new View(found.get(), views, views.stream().map(RunView::progress)
                            .reduce(RunProgress.EMPTY, RunProgress::plus), settings.pricePerSegment(),
                            settings.currency()))));
        });
    }

    private CompletionStage<List<RunView>> progressOf(List<CampaignRun> runs) {
        List<CompletableFuture<RunView>> each = runs.stream()
                .map(run -> store.progress(run.id()).thenApply(p -> new RunView(run, p)).toCompletableFuture())
                .toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
    }

    public CompletionStage<List<Campaign>> recent(int limit) {
        return store.recent(limit);
    }

    /**
     * Stops future runs and cancels every dispatch still waiting (including those deferred by quiet hours). A run
     * fanning out at this moment notices at its next page and cancels what it created.
     */
    public CompletionStage<Outcome<Long>> cancel(String id) {
        return store.find(id).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(new Outcome.NotFound<>());
            }
            return store.updateStatus(id, CampaignStatus.CANCELED)
                    .thenCompose(changed -> changed || found.get().status() != CampaignStatus.DONE
                            ? CompletableFuture.completedFuture(changed)
                            : stillSending(id).thenCompose(sending -> sending ? store.cancelEvenIfDone(id)
                                    : CompletableFuture.completedFuture(false)))
                    .thenCompose(changed -> changed
                            ? cancelRuns(id).thenApply(n -> (Outcome<Long>) new Outcome.Done<>(n))
                            : CompletableFuture.completedFuture(new Outcome.Conflict<>(found.get().status())));
        });
    }

    /**
     * A one-off campaign is done once its run is planned, which is quick, while its paced sends may take hours:
     * staff must still be able to stop what has not gone out.
     */
    private CompletionStage<Boolean> stillSending(String id) {
        return store.runs(id).thenCompose(runs -> {
            List<CompletableFuture<RunProgress>> progress = runs.stream()
                    .map(run -> store.progress(run.id()).toCompletableFuture()).toList();
            return CompletableFuture.allOf(progress.toArray(CompletableFuture[]::new))
                    .thenApply(v -> progress.stream().anyMatch(p -> p.join().pending() > 0));
        });
    }

    private CompletionStage<Long> cancelRuns(String id) {
        Instant now = clock.instant();
        return store.unscheduleRuns(id)
                .thenCompose(unscheduled -> all(unscheduled.stream()
                        .map(run -> store.finishRun(run, CampaignRun.Status.CANCELED, now).thenApply(v -> 0L))
                        .toList()))
                .thenCompose(v -> store.runs(id))
                .thenCompose(runs -> all(runs.stream()
                        .map(run -> store.cancelWaitingDispatches(run.id(), "campaign canceled", now)).toList()));
    }

    private static CompletionStage<Long> all(List<CompletionStage<Long>> stages) {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        stages.forEach(s -> futures.add(s.toCompletableFuture()));
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().mapToLong(CompletableFuture::join).sum());
    }

    private CampaignRequests.Parsed parse(Map<String, ?> body) {
        return CampaignRequests.parse(body, templates, regions, clock.instant(), settings.defaultValidity(), channels);
    }

    /** {@code C-} and 12 random hex digits: unguessable enough for URLs, short in keys. */
    public static String randomId() {
        return "C-" + java.util.HexFormat.of().formatHex(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
