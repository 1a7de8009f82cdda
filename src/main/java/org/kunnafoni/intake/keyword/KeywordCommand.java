package org.kunnafoni.intake.keyword;

import org.kunnafoni.triage.Language;

import java.util.List;
import java.util.Optional;

/** What an inbound SMS asks of the gateway, when it is a keyword command rather than an alert. */
public sealed interface KeywordCommand {

    /** {@code keyword} is the table form that matched (folded, e.g. {@code arret}, {@code a dabila}). */
    record OptOut(String keyword, Language replyLanguage) implements KeywordCommand {
    }

    /**
     * A subscribe / opt-in request. {@code unrecognised} holds the one word after a subscribe verb that was
     * neither a region, a language nor a filler ("ABONNER TOMBOKTU"): the consent is clear, the choice is not,
     * so the sender is opted in with what was understood and told how to choose ({@link ReplyKind#UNKNOWN_SUBSCRIPTION}).
     */
    record OptIn(String keyword, Optional<String> region, Optional<Language> language, Language replyLanguage,
                 List<String> unrecognised) implements KeywordCommand {
        public OptIn {
            unrecognised = List.copyOf(unrecognised);
        }

        public OptIn(String keyword, Optional<String> region, Optional<Language> language, Language replyLanguage) {
            this(keyword, region, language, replyLanguage, List.of());
        }

        public boolean fullyUnderstood() {
            return unrecognised.isEmpty();
        }
    }

    record Help(String keyword, Language replyLanguage) implements KeywordCommand {
    }

    /** A radio partner confirms a broadcast; {@code code} is upper-cased, {@code reason} is kept as typed. */
    record RadioConfirmation(Kind kind, String code, Optional<String> reason) implements KeywordCommand {
        public enum Kind { AIRED, POSTPONED }
    }

    /** Anything else: an alert (or chatter) that goes on to triage. */
    record NotACommand() implements KeywordCommand {
    }
}
