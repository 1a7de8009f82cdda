package org.kunnafoni.web.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Dashboard and API roles, each including the rights of the ones before it. */
public enum Role {
    MONITOR, SUPERVISOR, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
