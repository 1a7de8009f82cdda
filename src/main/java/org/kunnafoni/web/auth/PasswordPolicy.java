package org.kunnafoni.web.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ASVS 2.1: at least 12 characters, at most 128, any characters (spaces, accents, Tifinagh), no composition
 * rules, no expiry. Refused: the bundled list of common and breached passwords (French and English, keyboard
 * walks, this product's name), and strings anyone guesses first — one to three distinct characters repeated, or
 * a run of the alphabet, the digits or a keyboard row. The list is small on purpose: the gateway runs offline.
 */
public final class PasswordPolicy {
    public static final int MIN = 12;
    public static final int MAX = 128;
    private static final String LIST = "/security/common-passwords.txt";
    private static final String[] RUNS = {"0123456789012345678901234567890", "9876543210987654321098765432109",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm",
            "azertyuiopqsdfghjklmwxcvbn", "qwertzuiopasdfghjklyxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"};

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the list shipped in the jar. */
    public static PasswordPolicy bundled() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PasswordPolicy(reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused, in words for the person choosing it; empty when it is acceptable. */
    public Optional<String> problem(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN || length > MAX) {
            return Optional.of("a password must have " + MIN + " to " + MAX + " characters (a few words make a good one)");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded) || password.codePoints().distinct().count() <= 3 || isRun(folded)) {
            return Optional.of("this password is too common or too easy to guess; choose another");
        }
        return Optional.empty();
    }

    private static boolean isRun(String folded) {
        for (String run : RUNS) {
            if (run.contains(folded) || new StringBuilder(run).reverse().toString().contains(folded)) {
                return true;
            }
        }
        return false;
    }
}
