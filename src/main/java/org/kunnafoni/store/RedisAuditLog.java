package org.kunnafoni.store;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import org.kunnafoni.lead.AuditEvent;
import org.kunnafoni.lead.AuditLog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The audit log as a Redis stream: append-only by construction (nothing in the gateway deletes from it). */
public final class RedisAuditLog implements AuditLog {
    private static final String DETAIL_PREFIX = "d.";
    private final RedisConnector redis;

    public RedisAuditLog(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public CompletionStage<String> append(AuditEvent e) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("at", e.at().toString());
        fields.put("actor", e.actor());
        fields.put("action", e.action());
        fields.put("target", e.target() == null ? "" : e.target());
        fields.put("address", e.address() == null ? "" : e.address());
        e.details().forEach((k, v) -> fields.put(DETAIL_PREFIX + k, v));
        return redis.async().xadd(RedisKeys.AUDIT_LOG, fields);
    }

    @Override
    public CompletionStage<List<Entry>> recent(int limit, Optional<String> before) {
        Range<String> range = before.map(b -> Range.create("-", "(" + b)).orElse(Range.create("-", "+"));
        return redis.async().xrevrange(RedisKeys.AUDIT_LOG, range, Limit.from(limit))
                .thenApply(messages -> messages.stream().map(RedisAuditLog::toEntry).toList());
    }

    private static Entry toEntry(StreamMessage<String, String> m) {
        Map<String, String> b = m.getBody();
        Map<String, String> details = new LinkedHashMap<>();
        b.forEach((k, v) -> {
            if (k.startsWith(DETAIL_PREFIX)) {
                details.put(k.substring(DETAIL_PREFIX.length()), v);
            }
        });
        return new Entry(m.getId(), new AuditEvent(Instant.parse(b.get("at")), b.get("actor"), b.get("action"),
                b.get("target"), b.get("address"), details));
    }
}
