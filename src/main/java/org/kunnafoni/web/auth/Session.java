package org.kunnafoni.web.auth;

import java.time.Instant;

/**
 * A logged-in session. Only the SHA-256 of the bearer token is stored, so a copy of Redis does not hand out
 * live sessions. The CSRF token must accompany state-changing requests that authenticate with the cookie.
 * {@code credential} fingerprints the password hash the session was opened with: a password change ends every
 * older session without a per-user index. {@code lastSeen} drives the idle limit.
 */
public record Session(String tokenHash, String username, Role role, String csrf, Instant createdAt, Instant expiresAt,
                      String credential, Instant lastSeen) {
    public Session withRole(Role current) {
        return new Session(tokenHash, username, current, csrf, createdAt, expiresAt, credential, lastSeen);
    }
}
