package org.kunnafoni.fault;

import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import org.kunnafoni.store.RedisKeys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Redis holds about inbound alerts, read from the outside: intake stream entries per provider message id, how
 * many lead report lists each entry is in, and what the triage group still has pending.
 */
record IntakeLedger(Map<String, List<String>> entriesBySid, Map<String, Integer> leadsByEntry, long pending) {

    static IntakeLedger read(RedisCommands<String, String> redis) {
        Map<String, List<String>> entries = new HashMap<>();
        redis.xrange(RedisKeys.INTAKE_STREAM, Range.create("-", "+")).forEach(e -> entries
                .computeIfAbsent(e.getBody().get("provider_id"), k -> new ArrayList<>()).add(e.getId()));
        Map<String, Integer> leads = new HashMap<>();
        for (String key : redis.keys("{leads:*}:lead:*:reports")) {
            redis.lrange(key, 0, -1).forEach(entry -> leads.merge(entry, 1, Integer::sum));
        }
        long pending = redis.xpending(RedisKeys.INTAKE_STREAM, RedisKeys.TRIAGE_GROUP).getCount();
        return new IntakeLedger(entries, leads, pending);
    }

    /** True once every one of {@code sids} is in the stream and attached to at least one lead. */
    boolean allTriaged(Set<String> sids) {
        return sids.stream().allMatch(sid -> entriesBySid.containsKey(sid)
                && entriesBySid.get(sid).stream().allMatch(leadsByEntry::containsKey));
    }

    /** Stream entries beyond one per provider message id. */
    long duplicateEntries() {
        return entriesBySid.values().stream().mapToLong(ids -> ids.size() - 1L).sum();
    }

    /** Report attachments beyond one per stream entry. */
    long duplicateReports() {
        return leadsByEntry.values().stream().mapToLong(n -> n - 1L).sum();
    }

    int storedEntries() {
        return entriesBySid.values().stream().mapToInt(List::size).sum();
    }
}
