package org.kunnafoni.triage.violation;

import java.util.List;

/**
 * A lexicon term or phrase compiled to match keys: one part per word; a part written with a trailing
 * {@code *} matches every word that starts with it (enlev* → enleve, enlevee, enlevement…).
 */
record Pattern(String text, List<String> parts, List<Boolean> prefix) {
    static final int MIN_PREFIX = 3;

    /** Compiles lexicon text; returns null when nothing word-like is left after folding. */
    static Pattern compile(String text) {
        String[] raw = text.trim().split("\\s+");
        List<String> parts = new java.util.ArrayList<>();
        List<Boolean> prefix = new java.util.ArrayList<>();
        for (String piece : raw) {
            boolean star = piece.endsWith("*");
            List<String> words = MatchTokens.of(star ? piece.substring(0, piece.length() - 1) : piece).words();
            for (int i = 0; i < words.size(); i++) {
                parts.add(words.get(i));
                prefix.add(star && i == words.size() - 1);
            }
        }
        return parts.isEmpty() ? null : new Pattern(text, List.copyOf(parts), List.copyOf(prefix));
    }

    int length() {
        return parts.size();
    }

    boolean hasShortPrefix() {
        for (int i = 0; i < parts.size(); i++) {
            if (prefix.get(i) && parts.get(i).length() < MIN_PREFIX) {
                return true;
            }
        }
        return false;
    }

    boolean matchesAt(MatchTokens tokens, int start) {
        if (start + parts.size() > tokens.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            String word = tokens.word(start + i);
            boolean ok = prefix.get(i) ? word.startsWith(parts.get(i)) : word.equals(parts.get(i));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
