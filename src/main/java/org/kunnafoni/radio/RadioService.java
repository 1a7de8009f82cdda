package org.kunnafoni.radio;

import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.intake.keyword.KeywordCommand;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Radio partners, campaigns and confirmations. Every partner-facing call is scoped by the partner the token or
 * number belongs to: another partner's script answers exactly like a script that does not exist.
 */
public final class RadioService {
    private final RadioStore store;
    private final RadioPlanner planner;
    private final PartnerNotifier notifier;
    private final PhoneProtector phones;
    private final InstantSource clock;
    private final Supplier<String> ids;
    private final Supplier<String> tokens;
    private final ReminderPolicy reminders;
    private volatile VerifiedLeadCounts verified = VerifiedLeadCounts.NONE;

    public RadioService(RadioStore store, RadioPlanner planner, PartnerNotifier notifier, PhoneProtector phones,
                        InstantSource clock, Supplier<String> ids, Supplier<String> tokens, ReminderPolicy reminders) {
        this.store = store;
        this.planner = planner;
        this.notifier = notifier;
        this.phones = phones;
        this.clock = clock;
        this.ids = ids;
        this.tokens = tokens;
        this.reminders = reminders;
    }

    /** When broadcasts are reminded of and count as missed: what a status shown to anyone is computed with. */
    public ReminderPolicy reminders() {
        return reminders;
    }

    /** A new partner and its API token, which is returned here once and never again. */
    public record Created(RadioPartner partner, String token) {
        @Override
        public String toString() {
            return "Created[" + partner.id() + "]";
        }
    }

    public CompletionStage<Created> createPartner(PartnerDetails details) {
        String token = tokens.get();
        RadioPartner partner = new RadioPartner("P-" + ids.get(), details.station(), details.regions(),
                details.languages(), details.slots(), encrypt(details), pseudonyms(details),
                PartnerToken.hash(token), false, clock.instant());
        return store.savePartner(partner).thenApply(v -> new Created(partner, token));
    }

    public CompletionStage<Optional<RadioPartner>> updatePartner(String id, PartnerDetails details) {
        return store.partner(id).thenCompose(found -> found.map(p -> {
            RadioPartner updated = p.withDetails(details, encrypt(details), pseudonyms(details));
            return store.savePartner(updated).thenApply(v -> Optional.of(updated));
        }).orElseGet(() -> CompletableFuture.completedFuture(Optional.empty())));
    }

    public CompletionStage<Optional<RadioPartner>> revokePartner(String id) {
        return store.partner(id).thenCompose(found -> found.map(p -> {
            RadioPartner revoked = p.revoke();
            return store.savePartner(revoked).thenApply(v -> Optional.of(revoked));
        }).orElseGet(() -> CompletableFuture.completedFuture(Optional.empty())));
    }

    public CompletionStage<List<RadioPartner>> partners() {
        return store.partners();
    }

    public CompletionStage<Optional<RadioPartner>> partner(String id) {
        return store.partner(id);
    }

    /** Where the trend line's counts come from (none by default: scripts then carry no trend line). */
    public void verifiedLeadCounts(VerifiedLeadCounts counts) {
        this.verified = counts;
    }

    private CompletionStage<RadioPlan> plan(RadioCampaign campaign, List<RadioPartner> all) {
        Instant now = clock.instant();
        return verified.verifiedByRegion(now.minus(java.time.Duration.ofDays(TrendLine.DAYS)))
                .thenApply(counts -> planner.plan(campaign, all, now, counts));
    }

    public CompletionStage<RadioPlan> preview(RadioCampaign campaign) {
        return store.partners().thenCompose(all -> plan(campaign, all));
    }

    /** Plans, stores, then tells each station by SMS what to air; the plan is kept even if an SMS fails. */
    public CompletionStage<RadioPlan> create(RadioCampaign campaign) {
        return store.partners().thenCompose(all -> plan(campaign, all).thenCompose(plan -> {
            Map<String, RadioPartner> byId = new LinkedHashMap<>();
            all.forEach(p -> byId.put(p.id(), p));
            return store.saveCampaign(campaign, plan.scripts()).thenCompose(v -> notifyAll(plan, byId))
                    .thenApply(v -> plan);
        }));
    }

    private CompletionStage<Void> notifyAll(RadioPlan plan, Map<String, RadioPartner> partners) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (RadioScript s : plan.scripts()) {
            RadioPartner p = partners.get(s.partnerId());
            chain = chain.thenCompose(v -> notifier.notify(p, s, PartnerNotifier.text(s)));
        }
        return chain;
    }

    public CompletionStage<Optional<RadioCampaign>> campaign(String id) {
        return store.campaign(id);
    }

    /** The partner a bearer token belongs to, if it is valid and not revoked. */
    public CompletionStage<Optional<RadioPartner>> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return store.partnerByTokenHash(PartnerToken.hash(token))
                .thenApply(p -> p.filter(x -> !x.revoked()));
    }

    public CompletionStage<List<RadioScript>> scriptsOf(RadioPartner partner) {
        return store.scriptsOfPartner(partner.id()).thenApply(list -> list.stream()
                .sorted(Comparator.comparing(RadioScript::airAt)).toList());
    }

    public CompletionStage<Optional<RadioScript>> scriptOf(RadioPartner partner, String scriptId) {
        return store.script(scriptId).thenApply(s -> s.filter(x -> x.partnerId().equals(partner.id())));
    }

    public CompletionStage<ConfirmationResult> confirm(RadioPartner partner, String scriptId,
                                                       KeywordCommand.RadioConfirmation.Kind kind,
                                                       Optional<String> reason) {
        return scriptOf(partner, scriptId).thenCompose(s -> record(s, kind, reason));
    }

    public CompletionStage<Boolean> isPartnerNumber(String pseudonym) {
        return store.partnerByNumber(pseudonym).thenApply(p -> p.filter(x -> !x.revoked()).isPresent());
    }

    /** An SMS "DIFF code" from a registered number: the code must be one of that station's broadcasts. */
    public CompletionStage<ConfirmationResult> confirmBySms(String pseudonym,
                                                            KeywordCommand.RadioConfirmation confirmation) {
        return store.partnerByNumber(pseudonym).thenCompose(partner -> store.scriptByCode(confirmation.code())
                .thenCompose(s -> record(s.filter(x -> partner.filter(p -> !p.revoked())
                                .map(p -> p.id().equals(x.partnerId())).orElse(false)),
                        confirmation.kind(), confirmation.reason())));
    }

    private CompletionStage<ConfirmationResult> record(Optional<RadioScript> script,
                                                       KeywordCommand.RadioConfirmation.Kind kind,
                                                       Optional<String> reason) {
        if (script.isEmpty()) {
            return CompletableFuture.completedFuture(new ConfirmationResult.Unknown());
        }
        BroadcastStatus status = kind == KeywordCommand.RadioConfirmation.Kind.AIRED
                ? BroadcastStatus.CONFIRMED : BroadcastStatus.POSTPONED;
        RadioScript updated = script.get().confirmed(status, reason);
        return store.updateScript(updated).thenApply(v -> new ConfirmationResult.Recorded(updated));
    }

    /** Per partner of a campaign, in partner order of first broadcast. */
    public CompletionStage<List<PartnerReport>> report(String campaignId) {
        Instant now = clock.instant();
        return store.scriptsOfCampaign(campaignId).thenApply(scripts -> reportOf(scripts, now, reminders));
    }

    static List<PartnerReport> reportOf(List<RadioScript> scripts, Instant now, ReminderPolicy policy) {
        // one counter per status, in BroadcastStatus order, then the reminded count
        int reminded = BroadcastStatus.values().length;
        Map<String, long[]> counts = new LinkedHashMap<>();
        scripts.stream().sorted(Comparator.comparing(RadioScript::airAt)).forEach(s -> {
            long[] c = counts.computeIfAbsent(s.partnerId(), k -> new long[reminded + 1]);
            c[policy.status(s, now).ordinal()]++;
            c[reminded] += s.remindedAt().isPresent() ? 1 : 0;
        });
        List<PartnerReport> out = new ArrayList<>();
        counts.forEach((id, c) -> out.add(new PartnerReport(id, c[0], c[1], c[2], c[3], c[reminded])));
        return out;
    }

    private List<String> encrypt(PartnerDetails d) {
        return d.numbers().stream().map(phones::encrypt).toList();
    }

    private List<String> pseudonyms(PartnerDetails d) {
        return d.numbers().stream().map(phones::pseudonym).toList();
    }
}
