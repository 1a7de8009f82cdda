package org.kunnafoni.campaign;

import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchQueue;
import org.kunnafoni.dispatch.PlannedRecipient;
import org.kunnafoni.dispatch.RunPlan;
import org.kunnafoni.dispatch.RunPlans;
import org.kunnafoni.text.template.TemplateException;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Turns one claimed campaign run into one queue entry per recipient. Planning is lazy: the run's texts are stored
 * once (a {@link RunPlan}), and each audience page only appends compact entries (run, pseudonym, region, language)
 * to the dispatch stream and counts the page into the run's progress; the dispatch itself is created, under the id
 * derived from run and recipient, by the worker that takes the entry. So a run resumed after a crash (or run
 * twice) queues some recipients twice but still makes one dispatch each, and sends each once. The audience is read
 * a page at a time (the next page is read, and prepared, while the current one is written) and checkpointed
 * every few pages, once every page before the checkpoint is written.
 * Runs on the scheduler's own thread and waits for Redis there — never on an event loop.
 */
public final class FanOut {
    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);
    /** Pages between checkpoints (and lease renewals, cancel checks): a resume replays at most this many. */
    static final int CHECKPOINT_EVERY = 20;

    private final CampaignStore campaigns;
    private final Audience audience;
    private final RunPlans plans;
    private final DispatchQueue queue;
    private final TemplateLibrary templates;
    private final Map<String, String> senders;
    private final InstantSource clock;
    private final int pageSize;
    private final Duration lease;

    /** Twilio campaigns only, sent as {@code sender}. */
    public FanOut(CampaignStore campaigns, Audience audience, RunPlans plans, DispatchQueue queue,
                  TemplateLibrary templates, String channel, String sender, InstantSource clock, int pageSize,
                  Duration lease) {
        this(campaigns, audience, plans, queue, templates, Map.of(channel, sender), clock, pageSize, lease);
    }

    /**
     * @param senders the sender id per channel (twilio → MG… or a From; relay → the name relay dispatches are
     *                rate-limited under when the campaign names no phone)
     */
    public FanOut(CampaignStore campaigns, Audience audience, RunPlans plans, DispatchQueue queue,
                  TemplateLibrary templates, Map<String, String> senders, InstantSource clock, int pageSize,
                  Duration lease) {
        this.senders = Map.copyOf(senders);
        this.campaigns = campaigns;
        this.audience = audience;
        this.plans = plans;
        this.queue = queue;
        this.templates = templates;
        this.clock = clock;
        this.pageSize = pageSize;
        this.lease = lease;
    }

    /** Fans the run out (or finishes it as canceled / expired / failed) and schedules the campaign's next run. */
    public CampaignRun.Status run(CampaignStore.Claimed claimed) {
        String runId = claimed.runId();
        Instant due = CampaignRun.dueOf(runId);
        Optional<Campaign> found = await(campaigns.find(CampaignRun.campaignOf(runId)));
        if (found.isEmpty() || found.get().status() == CampaignStatus.CANCELED) {
            return finish(runId, CampaignRun.Status.CANCELED);
        }
        Campaign campaign = found.get();
        if (!clock.instant().isBefore(due.plus(campaign.validity()))) {
            LOG.warn("campaign run {} claimed after its validity ({}); nothing sent", runId, campaign.validity());
            return finishAndScheduleNext(campaign, runId, due, CampaignRun.Status.EXPIRED);
        }
        Map<Language, CampaignText> texts;
        try {
            texts = CampaignText.renderAll(templates, campaign.topic(), campaign.variables(), campaign.languages(),
                    campaign.transliterate());
        } catch (TemplateException e) {
            LOG.error("campaign run {} cannot be rendered any more: {}", runId, e.getMessage());
            return finishAndScheduleNext(campaign, runId, due, CampaignRun.Status.FAILED);
        }
        await(campaigns.updateStatus(campaign.id(), CampaignStatus.RUNNING));
        Map<String, String> bodies = new HashMap<>();
        texts.forEach((language, text) -> bodies.put(language.code(), text.body()));
        String channel = campaign.channel().id();
        // a relay campaign that names its phone sends as that phone: the relay sender hands it that phone's outbox
        String sender = campaign.channel().device().orElse(senders.getOrDefault(channel, channel));
        await(plans.save(new RunPlan(runId, channel, sender, bodies, Optional.of(due.plus(campaign.validity())))));
        // the stored plan wins over this render: a resumed run keeps the text its first pages were planned with
        RunPlan plan = await(plans.find(runId)).orElseThrow();
        if (!fanOut(campaign, runId, plan, claimed.reclaimed())) {
            await(campaigns.cancelWaitingDispatches(runId, "campaign canceled", clock.instant()));
            return finish(runId, CampaignRun.Status.CANCELED);
        }
        return finishAndScheduleNext(campaign, runId, due, CampaignRun.Status.FANNED_OUT);
    }

    /** False when the campaign was canceled part-way. */
    private boolean fanOut(Campaign campaign, String runId, RunPlan plan, boolean resume) {
        List<Audience.Cell> cells = Audience.Cell.of(campaign.regions(), campaign.languages());
        Optional<CampaignStore.Checkpoint> from = resume ? await(campaigns.checkpoint(runId)) : Optional.empty();
        int first = from.map(CampaignStore.Checkpoint::cell).orElse(0);
        int pages = 0;
        for (int i = first; i < cells.size(); i++) {
            Audience.Cell cell = cells.get(i);
            String body = plan.bodies().get(cell.language().code());
            if (body == null) {
                continue;
            }
            int segments = Dispatch.segmentsOf(body);
            Optional<String> cursor = i == first ? from.flatMap(CampaignStore.Checkpoint::cursor) : Optional.empty();
            CompletionStage<Audience.Page> next = audience.page(cell, cursor, pageSize);
            CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
            boolean more = true;
            while (more) {
                Audience.Page page = await(next);
                cursor = page.next();
                more = cursor.isPresent();
                if (more) {
                    next = audience.page(cell, cursor, pageSize);
                }
                // two pages in flight: Redis writes one while this thread prepares the next
                CompletableFuture<Void> written = planPage(runId, cell, segments, page.pseudonyms());
                await(previous);
                previous = written;
                if (++pages % CHECKPOINT_EVERY == 0 || !more) {
                    await(previous);
                    await(campaigns.checkpoint(runId, more ? i : i + 1, cursor));
                    await(campaigns.renewLease(runId, clock.instant().plus(lease)));
                    if (canceled(campaign.id())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Counts the page into the run (each recipient once) and queues one entry per recipient, both sent at once.
     * Every entry is queued even on a replayed page: a recipient queued twice is still one dispatch, and one not
     * queued would never be sent.
     */
    private CompletableFuture<Void> planPage(String runId, Audience.Cell cell, int segments, List<String> pseudonyms) {
        if (pseudonyms.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<PlannedRecipient> entries = new ArrayList<>(pseudonyms.size());
        for (String p : pseudonyms) {
            entries.add(new PlannedRecipient(runId, p, cell.region(), cell.language().code()));
        }
        return CompletableFuture.allOf(campaigns.addRecipients(runId, pseudonyms, segments).toCompletableFuture(),
                queue.enqueuePlanned(entries).toCompletableFuture());
    }

    private boolean canceled(String campaignId) {
        return await(campaigns.find(campaignId)).map(c -> c.status() == CampaignStatus.CANCELED).orElse(true);
    }

    private CampaignRun.Status finishAndScheduleNext(Campaign campaign, String runId, Instant due,
                                                     CampaignRun.Status status) {
        Optional<Instant> next = campaign.schedule().nextAfter(due);
        if (next.isPresent()) {
            await(campaigns.scheduleRun(campaign.id(), next.get()));
        }
        await(campaigns.updateStatus(campaign.id(), next.isPresent() ? CampaignStatus.SCHEDULED : CampaignStatus.DONE));
        return finish(runId, status);
    }

    private CampaignRun.Status finish(String runId, CampaignRun.Status status) {
        await(campaigns.finishRun(runId, status, clock.instant()));
        return status;
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
