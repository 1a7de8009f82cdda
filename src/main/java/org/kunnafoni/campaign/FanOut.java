package org.kunnafoni.campaign;

import org.kunnafoni.dispatch.Dispatch;
import org.kunnafoni.dispatch.DispatchQueue;
import org.kunnafoni.dispatch.DispatchState;
import org.kunnafoni.dispatch.DispatchStore;
import org.kunnafoni.text.template.TemplateException;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Turns one claimed campaign run into one dispatch per recipient. The audience is read a page at a time and each
 * page is checkpointed; dispatch ids come from run + recipient, so a run resumed after a crash (or run twice)
 * plans the same dispatches again and creates none twice. Runs on the scheduler's own thread and waits for Redis
 * there — never on an event loop.
 */
public final class FanOut {
    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);

    private final CampaignStore campaigns;
    private final Audience audience;
    private final DispatchStore dispatches;
    private final DispatchQueue queue;
    private final TemplateLibrary templates;
    private final String channel;
    private final String sender;
    private final InstantSource clock;
    private final int pageSize;
    private final Duration lease;

    public FanOut(CampaignStore campaigns, Audience audience, DispatchStore dispatches, DispatchQueue queue,
                  TemplateLibrary templates, String channel, String sender, InstantSource clock, int pageSize,
                  Duration lease) {
        this.campaigns = campaigns;
        this.audience = audience;
        this.dispatches = dispatches;
        this.queue = queue;
        this.templates = templates;
        this.channel = channel;
        this.sender = sender;
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
        if (!fanOut(campaign, runId, texts, claimed.reclaimed())) {
            await(campaigns.cancelWaitingDispatches(runId, "campaign canceled", clock.instant()));
            return finish(runId, CampaignRun.Status.CANCELED);
        }
        return finishAndScheduleNext(campaign, runId, due, CampaignRun.Status.FANNED_OUT);
    }

    /** False when the campaign was canceled part-way. */
    private boolean fanOut(Campaign campaign, String runId, Map<Language, CampaignText> texts, boolean resume) {
        List<Audience.Cell> cells = Audience.Cell.of(campaign.regions(), campaign.languages());
        Optional<CampaignStore.Checkpoint> from = resume ? await(campaigns.checkpoint(runId)) : Optional.empty();
        int first = from.map(CampaignStore.Checkpoint::cell).orElse(0);
        for (int i = first; i < cells.size(); i++) {
            Audience.Cell cell = cells.get(i);
            Optional<String> cursor = i == first ? from.flatMap(CampaignStore.Checkpoint::cursor) : Optional.empty();
            do {
                Audience.Page page = await(audience.page(cell, cursor, pageSize));
                planAll(runId, cell, texts.get(cell.language()), page.pseudonyms(), resume);
                cursor = page.next();
                await(campaigns.checkpoint(runId, cursor.isPresent() ? i : i + 1, cursor));
                await(campaigns.renewLease(runId, clock.instant().plus(lease)));
                if (canceled(campaign.id())) {
                    return false;
                }
            } while (cursor.isPresent());
        }
        return true;
    }

    /**
     * A page in four round trips instead of four per recipient: create every dispatch, record them all in the run,
     * then queue the new ones. Order per dispatch is kept (created → recorded → queued), so a crash in between
     * leaves what a replay repairs: existing dispatches still {@code planned} are queued again on resume.
     */
    private void planAll(String runId, Audience.Cell cell, CampaignText text, List<String> pseudonyms,
                         boolean resume) {
        // the body is the same for the whole page: cost it once, not once per recipient
        Dispatch template = Dispatch.planned(runId, "", Optional.of(cell.region()), channel, sender, text.body(),
                clock.instant());
        List<Dispatch> planned = pseudonyms.stream().map(p -> template.forRecipient(p)).toList();
        List<Boolean> created = await(dispatches.createAll(planned));
        List<String> ids = planned.stream().map(Dispatch::id).toList();
        await(campaigns.addDispatches(runId, ids));
        List<String> fresh = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            (created.get(i) ? fresh : existing).add(ids.get(i));
        }
        await(queue.enqueueAll(fresh));
        if (resume) {
            // the first claimer may have died between create and enqueue
            await(CompletableFuture.allOf(existing.stream().map(id -> enqueueIfUntouched(id).toCompletableFuture())
                    .toArray(CompletableFuture[]::new)));
        }
    }

    private CompletionStage<Void> enqueueIfUntouched(String id) {
        return dispatches.find(id).thenCompose(found -> found.filter(d -> d.state() == DispatchState.PLANNED)
                .map(d -> queue.enqueue(id)).orElse(CompletableFuture.completedFuture(null)));
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
