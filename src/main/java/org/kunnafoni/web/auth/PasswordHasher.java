package org.kunnafoni.web.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt (a well-kept pure-Java implementation); slow on purpose, so always call it off the event loop.
 * bcrypt reads at most 72 bytes, and the library's default refuses longer input with an exception: passwords
 * longer than that (a 128-character pass phrase, or 25 Tifinagh letters in UTF-8) are first SHA-512 hashed.
 * Shorter ones are hashed as they are, so hashes made before this rule still verify.
 */
public final class PasswordHasher {
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);

    private final int cost;
    private final String dummy;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummy = hash("not anyone's password");
    }

    public String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2A, LONG).hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (hash == null || hash.isEmpty()) {
            return false;
        }
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG).verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check, so an unknown user name cannot be told from a wrong password. */
    public void burn(String password) {
        verify(password, dummy);
    }
}
