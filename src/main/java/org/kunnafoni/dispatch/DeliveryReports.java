package org.kunnafoni.dispatch;

import org.kunnafoni.dispatch.DispatchStore.Change;
import org.kunnafoni.dispatch.DispatchStore.StatusUpdate;

import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies delivery reports forward-only: out-of-order and duplicated callbacks change nothing. A report that
 * says the recipient opted out at the carrier (error 21610) also records the opt-out.
 */
public final class DeliveryReports {
    private final DispatchStore store;
    private final ConsentCheck consent;
    private final InstantSource clock;

    public DeliveryReports(DispatchStore store, ConsentCheck consent, InstantSource clock) {
        this.store = store;
        this.consent = consent;
        this.clock = clock;
    }

    public CompletionStage<Change> apply(DeliveryReport report) {
        CompletionStage<Optional<String>> id = report.dispatchId().isPresent()
                ? CompletableFuture.completedFuture(report.dispatchId())
                : store.findByProviderId(report.providerId());
        return id.thenCompose(found -> found.isEmpty()
                ? CompletableFuture.completedFuture(Change.MISSING)
                : applyTo(found.get(), report));
    }

    private CompletionStage<Change> applyTo(String id, DeliveryReport report) {
        Optional<Integer> code = report.errorCode().flatMap(DeliveryReports::number);
        Optional<SendError> error = code.map(c -> SendErrors.classify(null, c));
        StatusUpdate update = new StatusUpdate(report.state(), Optional.of(report.providerId()),
                error.map(SendError::reason).or(report::reason), OptionalInt.empty(), clock.instant());
        CompletionStage<Change> change = store.advance(id, update);
        if (error.isPresent() && error.get() instanceof SendError.OptedOut optedOut) {
            return change.thenCompose(c -> store.find(id).thenCompose(d -> d
                    .map(dispatch -> consent.optOut(dispatch.recipient(), "provider:" + optedOut.reason(),
                            clock.instant()))
                    .orElse(CompletableFuture.completedFuture(null))
                    .thenApply(v -> c)));
        }
        return change;
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
