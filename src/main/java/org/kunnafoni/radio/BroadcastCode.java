package org.kunnafoni.radio;

import java.util.random.RandomGenerator;

/**
 * The short code a station texts back ("DIFF K7P2Q9"). Six characters with at least one digit, as the keyword
 * parser requires (a digit keeps a code from being read as a word); no 0/O or 1/I, which are misread on air
 * and on small screens.
 */
public final class BroadcastCode {
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String ALL = LETTERS + DIGITS;
    static final int LENGTH = 6;

    private BroadcastCode() {
    }

    public static String next(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        int digitAt = random.nextInt(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            String from = i == digitAt ? DIGITS : ALL;
            code.append(from.charAt(random.nextInt(from.length())));
        }
        return code.toString();
    }
}
