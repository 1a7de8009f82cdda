package org.kunnafoni.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt (a well-kept pure-Java implementation); slow on purpose, so always call it off the event loop. */
public final class PasswordHasher {
    private final int cost;
    private final String dummy;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummy = hash("not anyone's password");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (hash == null || hash.isEmpty()) {
            return false;
        }
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, so an unknown user name cannot be told from a wrong password. */
    public void burn(String password) {
        verify(password, dummy);
    }
}
