package org.kunnafoni.web.auth;

import java.time.Instant;

/**
 * A logged-in session. Only the SHA-256 of the bearer token is stored, so a copy of Redis does not hand out
 * live sessions. The CSRF token must accompany state-changing requests that authenticate with the cookie.
 */
public record Session(String tokenHash, String username, Role role, String csrf, Instant createdAt, Instant expiresAt) {
}
