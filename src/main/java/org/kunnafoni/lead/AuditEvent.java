package org.kunnafoni.lead;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the append-only audit log: who did what to which thing, when and from where. Details never hold
 * a phone number or a message body.
 */
public record AuditEvent(Instant at, String actor, String action, String target, String address,
                         Map<String, String> details) {
    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
