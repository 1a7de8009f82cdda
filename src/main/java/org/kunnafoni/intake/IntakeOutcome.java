package org.kunnafoni.intake;

import java.util.Optional;

/** What intake did with one inbound message; channel adapters turn it into their provider's answer. */
public sealed interface IntakeOutcome {
    /** The text to send back to the sender, if any. */
    default Optional<String> reply() {
        if (this instanceof AlertStored stored) {
            return stored.reply();
        }
        if (this instanceof AlertSpooled spooled) {
            return spooled.reply();
        }
        if (this instanceof CommandHandled handled) {
            return handled.reply();
        }
        return Optional.empty();
    }

    /** Durably in the intake stream. */
    record AlertStored(String entryId, Optional<String> reply) implements IntakeOutcome {
    }

    /** Redis was unavailable: fsynced to the local spool, replayed into the stream later. */
    record AlertSpooled(Optional<String> reply) implements IntakeOutcome {
    }

    /** The provider sent this message before; nothing was stored again. */
    record Duplicate() implements IntakeOutcome {
    }

    /** A keyword command (opt-out, opt-in, help); {@code reply} is what to text back, if anything. */
    record CommandHandled(String command, Optional<String> reply) implements IntakeOutcome {
    }
}
