package org.kunnafoni.web.auth;

/** What a login attempt came to. */
public sealed interface LoginResult {
    record Success(Session session, String token) implements LoginResult {
    }

    /** Wrong name or password, or a disabled account: the caller cannot tell which. */
    record Refused() implements LoginResult {
    }

    /** Too many recent failures for this name or address. */
    record Throttled() implements LoginResult {
    }
}
