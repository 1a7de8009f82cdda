package org.kunnafoni.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt (a well-kept pure-Java implementation); slow on purpose, so always call it off the event loop. */
public final class PasswordHasher {
    /** bcrypt reads at most 72 bytes; the library refuses longer input rather than silently ignore the rest. */
    public static final int MAX_BYTES = 72;

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
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            // no account can have such a password; spend the same time so the answer tells nothing
            BCrypt.verifyer().verify(java.util.Arrays.copyOf(bytes, MAX_BYTES), dummy.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, so an unknown user name cannot be told from a wrong password. */
    public void burn(String password) {
        verify(password, dummy);
    }
}
