package org.kunnafoni.lead;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The queue order — priority (urgent first), then score, then most recent activity, then id — and keyset cursors
 * over it: a cursor names the last lead of a page, so leads arriving meanwhile never shift or repeat a page.
 */
public final class LeadOrder {
    public static final Comparator<Lead> QUEUE = Comparator.comparing(Key::of);

    private LeadOrder() {
    }

    /** One page: at most {@code limit} leads after the cursor, and the cursor of the next page if any remain. */
    public record Page(List<ReviewedLead> leads, Optional<String> nextCursor) {
    }

    public static Page page(List<ReviewedLead> matching, Optional<Key> after, int limit) {
        List<ReviewedLead> sorted = matching.stream()
                .filter(r -> after.map(k -> k.compareTo(Key.of(r.lead())) < 0).orElse(true))
                .sorted(Comparator.comparing(ReviewedLead::lead, QUEUE)).toList();
        List<ReviewedLead> page = sorted.subList(0, Math.min(limit, sorted.size()));
        Optional<String> next = sorted.size() > limit
                ? Optional.of(Key.of(page.get(page.size() - 1).lead()).encode()) : Optional.empty();
        return new Page(page, next);
    }

    /** A position in the queue order. */
    public record Key(int rank, int score, long lastSeenMillis, String id) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::rank)
                .thenComparing(Comparator.comparingInt(Key::score).reversed())
                .thenComparing(Comparator.comparingLong(Key::lastSeenMillis).reversed())
                .thenComparing(Key::id);

        static Key of(Lead lead) {
            return new Key(lead.priority().ordinal(), lead.score(), lead.lastSeen().toEpochMilli(), lead.id());
        }

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }

        String encode() {
            String raw = rank + ":" + score + ":" + lastSeenMillis + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        /** The key a cursor names; empty when it is not one of ours. */
        public static Optional<Key> decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .split(":", 4);
                return Optional.of(new Key(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Long.parseLong(parts[2]), parts[3]));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
