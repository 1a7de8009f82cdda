package org.kunnafoni.web;

import java.util.List;

/**
 * Per-client request rates for the JSON API and the partner API, and the reverse proxies whose
 * {@code X-Forwarded-For} is believed. The channel webhooks are not limited by address: all Twilio traffic comes
 * from a few addresses, and the per-sender alert limit protects them instead.
 */
public record RequestLimits(Rate api, Rate partner, List<String> trustedProxies) {
    public RequestLimits {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** No limit and no proxy (tests of the HTTP layer alone). */
    public static RequestLimits none() {
        return new RequestLimits(new Rate(0, 1), new Rate(0, 1), List.of());
    }

    /** A sustained rate and the requests that may come back to back; a rate of 0 turns the limit off. */
    public record Rate(double perSecond, int burst) {
        public boolean enabled() {
            return perSecond > 0;
        }
    }
}
