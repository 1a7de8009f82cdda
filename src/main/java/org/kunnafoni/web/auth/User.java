package org.kunnafoni.web.auth;

import java.time.Instant;

/** A dashboard / API account. The password is kept only as a bcrypt hash. */
public record User(String username, Role role, String passwordHash, boolean disabled, Instant createdAt) {
    @Override
    public String toString() {
        return "User[" + username + ", " + role.id() + (disabled ? ", disabled" : "") + "]";
    }
}
