package org.kunnafoni.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Small fakes for the pipeline's ports. */
final class PipelineFakes {
    private PipelineFakes() {
    }

    static final class Consent implements ConsentCheck {
        final Map<String, Recipient> recipients = new HashMap<>();
        final List<String> optOuts = new ArrayList<>();

        Consent subscribe(String pseudonym, String address) {
            recipients.put(pseudonym, new Recipient(pseudonym, false, address));
            return this;
        }

        Consent optedOut(String pseudonym) {
            recipients.put(pseudonym, new Recipient(pseudonym, true, ""));
            return this;
        }

        @Override
        public synchronized CompletionStage<Optional<Recipient>> recipient(String pseudonym) {
            return CompletableFuture.completedFuture(Optional.ofNullable(recipients.get(pseudonym)));
        }

        @Override
        public synchronized CompletionStage<Void> optOut(String pseudonym, String source, Instant at) {
            optOuts.add(pseudonym + " " + source);
            recipients.computeIfPresent(pseudonym, (p, r) -> new Recipient(p, true, ""));
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Grants everything, or makes the caller wait a fixed time once per sender. */
    static final class Limiter implements RateLimiter {
        final List<String> acquired = new ArrayList<>();
        Duration waitOnce = Duration.ZERO;
        /** Slots handed out in turn (delays after the call), then Granted. */
        final Deque<Duration> reservations = new ArrayDeque<>();

        @Override
        public synchronized CompletionStage<Decision> acquire(String sender, int cost) {
            if (!waitOnce.isZero()) {
                Duration wait = waitOnce;
                waitOnce = Duration.ZERO;
                return CompletableFuture.completedFuture(new Decision.WaitFor(wait));
            }
            acquired.add(sender + ":" + cost);
            Duration slot = reservations.poll();
            return CompletableFuture.completedFuture(slot == null ? new Decision.Granted() : new Decision.Reserved(slot));
        }
    }

    /** Run plans in memory; a run is stopped once {@link #stop} was called. */
    static final class Plans implements RunPlans {
        final Map<String, RunPlan> plans = new HashMap<>();
        final java.util.Set<String> stopped = new java.util.HashSet<>();

        @Override
        public synchronized CompletionStage<Void> save(RunPlan plan) {
            plans.putIfAbsent(plan.runId(), plan);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletionStage<Optional<RunPlan>> find(String runId) {
            return CompletableFuture.completedFuture(Optional.ofNullable(plans.get(runId)));
        }

        @Override
        public synchronized CompletionStage<Boolean> stopped(String runId) {
            return CompletableFuture.completedFuture(stopped.contains(runId));
        }

        synchronized void stop(String runId) {
            stopped.add(runId);
        }
    }

    /** Answers the scripted results in order, then accepts; records every message it was given. */
    static final class ScriptedSender implements Sender {
        final List<OutboundMessage> sent = new ArrayList<>();
        final Deque<SendResult> script = new ArrayDeque<>();
        int counter;

        ScriptedSender then(SendResult... results) {
            script.addAll(List.of(results));
            return this;
        }

        @Override
        public synchronized CompletionStage<SendResult> send(OutboundMessage message) {
            sent.add(message);
            SendResult next = script.isEmpty() ? new SendResult.Accepted("SM" + (++counter)) : script.poll();
            return CompletableFuture.completedFuture(next);
        }
    }
}
