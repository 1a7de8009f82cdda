package org.kunnafoni.triage.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word-level trie of cue phrases: one hash lookup per word, so a message is scanned once whatever the
 * size of the lexicons. A phrase whose last word ends in {@code *} matches any word starting with that
 * stem ("jihadist*").
 */
final class PhraseTrie {
    /** The longest phrase found at a position: tokens {@code [start, end)}. */
    record Match(int end, String phrase, List<Cue> cues) {
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        Map<String, Node> stems;
        int minStem = Integer.MAX_VALUE;
        int maxStem;
        final List<Cue> cues = new ArrayList<>(1);
        String phrase;
    }

    private final Node root = new Node();

    void add(List<String> words, boolean lastIsStem, String phrase, Cue cue) {
        Node node = root;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean stem = lastIsStem && i == words.size() - 1;
            node = stem ? stemChild(node, word) : node.next.computeIfAbsent(word, w -> new Node());
        }
        if (!node.cues.contains(cue)) {
            node.cues.add(cue);
        }
        if (node.phrase == null) {
            node.phrase = phrase;
        }
    }

    private static Node stemChild(Node node, String stem) {
        if (node.stems == null) {
            node.stems = new HashMap<>(4);
        }
        node.minStem = Math.min(node.minStem, stem.length());
        node.maxStem = Math.max(node.maxStem, stem.length());
        return node.stems.computeIfAbsent(stem, w -> new Node());
    }

    /** The longest phrase starting at {@code start} within one clause, or null. */
    Match longestAt(List<Token> tokens, int start) {
        Node node = root;
        Match best = null;
        int clause = tokens.get(start).clause();
        for (int i = start; i < tokens.size() && tokens.get(i).clause() == clause; i++) {
            node = step(node, tokens.get(i).text());
            if (node == null) {
                break;
            }
            if (!node.cues.isEmpty()) {
                best = new Match(i + 1, node.phrase, node.cues);
            }
        }
        return best;
    }

    private static Node step(Node node, String word) {
        Node exact = node.next.get(word);
        if (exact != null || node.stems == null) {
            return exact;
        }
        for (int len = Math.min(word.length(), node.maxStem); len >= node.minStem; len--) {
            Node stem = node.stems.get(word.substring(0, len));
            if (stem != null) {
                return stem;
            }
        }
        return null;
    }
}
