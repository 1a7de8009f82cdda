package org.kunnafoni.audience;

import java.util.List;
import java.util.Optional;

/** One page of subscribers and where the next page starts (empty at the end). */
public record SubscriberPage(List<Subscriber> subscribers, Optional<String> nextCursor) {
}
