package org.kunnafoni.lead;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to where reports came in (the intake stream): the channel of each, and the sealed number for a reveal. */
public interface ReportOrigins {
    /** The channel of each entry still kept; entries trimmed from the intake stream are absent. */
    CompletionStage<Map<String, String>> channels(List<String> entryIds);

    /** The encrypted sender number of one entry; empty when the entry is no longer kept. */
    CompletionStage<Optional<String>> encryptedPhone(String entryId);
}
