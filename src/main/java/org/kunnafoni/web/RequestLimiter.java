package org.kunnafoni.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Counts requests per client address and route group, shared by every gateway instance. */
public interface RequestLimiter {
    /** Empty when the request may go ahead, else how long the client should wait (nothing is taken then). */
    CompletionStage<Optional<Duration>> acquire(String group, String client, RequestLimits.Rate rate);
}
