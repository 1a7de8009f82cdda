package org.kunnafoni.audience;

/** What registering one subscriber through the API or an import came to. */
public sealed interface Registration {
    record Registered(String pseudonym, SubscriberStatus status) implements Registration {
    }

    /** The person opted out; only their own opt-in can bring them back. */
    record RefusedOptedOut(String pseudonym) implements Registration {
    }

    record Invalid(String reason) implements Registration {
    }
}
