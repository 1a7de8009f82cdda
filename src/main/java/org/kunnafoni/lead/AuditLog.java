package org.kunnafoni.lead;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to the append-only audit log. */
public interface AuditLog {
    CompletionStage<String> append(AuditEvent event);

    /** Newest first, at most {@code limit} entries older than {@code before} (an entry id) if given. */
    CompletionStage<List<Entry>> recent(int limit, Optional<String> before);

    record Entry(String id, AuditEvent event) {
    }
}
