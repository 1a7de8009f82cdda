package org.kunnafoni.intake.keyword;

import org.kunnafoni.intake.keyword.KeywordCommand.Help;
import org.kunnafoni.intake.keyword.KeywordCommand.NotACommand;
import org.kunnafoni.intake.keyword.KeywordCommand.OptIn;
import org.kunnafoni.intake.keyword.KeywordCommand.OptOut;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The short neutral replies the gateway sends back; each has a folder under {@code message-templates/replies/}. */
public enum ReplyKind {
    OPTED_OUT(Set.of()),
    /** Opted in without choosing a region or a language. */
    OPTED_IN(Set.of()),
    /** Opted in with a region and/or a language; pass "" for the one that was not chosen. */
    SUBSCRIBED(Set.of("region", "language")),
    HELP(Set.of("hotline")),
    /** Says nothing of what was reported: the phone may be searched. */
    ALERT_RECEIVED(Set.of()),
    /** Opted in, but a word was not understood: explains how to choose a region and a language. */
    UNKNOWN_SUBSCRIPTION(Set.of());

    private final Set<String> variables;

    ReplyKind(Set<String> variables) {
        this.variables = variables;
    }

    /** The folder name: {@code opted_out}, {@code alert_received}, … */
    public String dirName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The variables every template of this kind may use; a caller passes all of them. */
    public Set<String> variables() {
        return variables;
    }

    /** The reply a command calls for; radio confirmations get none from here (the radio package answers them). */
    public static Optional<ReplyKind> forCommand(KeywordCommand command) {
        if (command instanceof OptIn optIn) {
            return Optional.of(forOptIn(optIn));
        }
        if (command instanceof OptOut) {
            return Optional.of(OPTED_OUT);
        }
        if (command instanceof Help) {
            return Optional.of(HELP);
        }
        return command instanceof NotACommand ? Optional.of(ALERT_RECEIVED) : Optional.empty();
    }

    private static ReplyKind forOptIn(OptIn optIn) {
        if (!optIn.fullyUnderstood()) {
            return UNKNOWN_SUBSCRIPTION;
        }
        return optIn.region().isPresent() || optIn.language().isPresent() ? SUBSCRIBED : OPTED_IN;
    }
}
