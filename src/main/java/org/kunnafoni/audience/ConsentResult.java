package org.kunnafoni.audience;

/** What applying a {@link ConsentChange} did. */
public sealed interface ConsentResult {
    record Applied(SubscriberStatus status) implements ConsentResult {
    }

    /** An operator tried to subscribe someone who opted out; nothing changed. */
    record Refused() implements ConsentResult {
    }

    /** The same provider message was applied before (a provider retry); nothing changed. */
    record Duplicate() implements ConsentResult {
    }
}
